package dev.osprey.app.endpoints;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.deploy.EndpointConfig;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.SignatureColumn;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The "try it" panel of the chosen endpoint: a form made from the served version's signature,
 * sent to the live server over HTTP, its answer, and the same row as a ready-to-copy curl command.
 */
public final class TryItModel {
    private final AppContext app;
    private final Executor io;
    private final TryItClient client = new TryItClient();
    private final ObservableList<TryField> fields = FXCollections.observableArrayList(f -> new Observable[]{f.valueProperty()});
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper curl = new ReadOnlyStringWrapper(this, "curl", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private EndpointRow row;
    private String output = "";
    private long generation;
    private String shownKey;

    TryItModel(AppContext app, Executor io) {
        this.app = app;
        this.io = io;
        fields.addListener((javafx.collections.ListChangeListener<TryField>) c -> updateCurl());
    }

    public ObservableList<TryField> fields() {
        return fields;
    }

    /** The prediction of the last call, e.g. "889.63". */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the result is: "predicted exam_score · HTTP 200 in 3 ms". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curlProperty() {
        return curl.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Shows the form of {@code r}'s served version (null: nothing chosen). */
    void show(EndpointRow r) {
        String key = r == null ? null : r.name() + "=" + r.config().model() + ":" + r.config().version();
        if (key != null && key.equals(shownKey) && !fields.isEmpty()) {
            row = r; // same form (the server just became ready): keep what the user typed, refresh the URL
            updateCurl();
            return;
        }
        shownKey = key;
        long gen = ++generation;
        row = r;
        result.set("");
        caption.set("");
        error.set("");
        Engine e = app.engine();
        if (r == null || e == null) {
            fields.clear();
            updateCurl();
            return;
        }
        EndpointConfig c = r.config();
        Map<String, String> previous = new HashMap<>();
        fields.forEach(f -> previous.put(f.name(), f.valueProperty().get()));
        io.execute(() -> {
            try {
                ModelSignature sig = e.registry().load(c.model(), c.version()).signature();
                app.uiExecutor().execute(() -> {
                    if (gen != generation) {
                        return;
                    }
                    output = sig.output();
                    List<TryField> made = sig.inputs().stream().map(TryField::new).toList();
                    made.forEach(f -> f.setValue(previous.getOrDefault(f.name(), "")));
                    fields.setAll(made);
                    updateCurl();
                });
            } catch (Exception ex) {
                app.uiExecutor().execute(() -> {
                    if (gen == generation) {
                        error.set("Cannot read the signature of " + c.model() + " v" + c.version() + ": " + ex.getMessage());
                    }
                });
            }
        });
    }

    /** Sends the form's row to the live endpoint. */
    public void invoke() {
        EndpointRow r = row;
        if (r == null || r.status() != EndpointStatus.READY) {
            error.set("The endpoint is not ready; start it first.");
            return;
        }
        Engine e = app.engine();
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f.name(), f.jsonValue()));
        String url = r.url();
        boolean needsToken = r.config().hasToken();
        long gen = generation;
        running.set(true);
        error.set("");
        io.execute(() -> {
            String res = "";
            String cap = "";
            String err = "";
            try {
                Optional<String> token = needsToken && e != null ? e.endpoints().token(r.name()) : Optional.empty();
                TryItClient.Answer a = client.invoke(url, values, token);
                if (a.ok() && a.prediction().isPresent()) {
                    res = TryItClient.headline(a.prediction().get());
                    cap = "predicted " + output + " \u00b7 HTTP " + a.status() + " in " + a.millis() + " ms";
                } else {
                    err = "HTTP " + a.status() + ": " + a.body().strip();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                err = "Interrupted.";
            } catch (Exception ex) {
                err = "The endpoint did not answer: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
            }
            String fr = res;
            String fc = cap;
            String fe = err;
            app.uiExecutor().execute(() -> {
                running.set(false);
                if (gen != generation) {
                    return;
                }
                result.set(fr);
                caption.set(fc);
                error.set(fe);
                if (!fe.isEmpty()) {
                    r.addError("try it: " + fe);
                }
            });
        });
    }

    private void updateCurl() {
        EndpointRow r = row;
        if (r == null || fields.isEmpty()) {
            curl.set("");
            return;
        }
        String base = r.url().isEmpty() ? "http://127.0.0.1:" + Math.max(r.config().port(), 8080) + "/" : r.url();
        StringBuilder csv = new StringBuilder();
        for (TryField f : fields) {
            if (!csv.isEmpty()) {
                csv.append(',');
            }
            csv.append(f.csvValue());
        }
        String auth = r.config().hasToken() ? " -H 'Authorization: Bearer $OSPREY_TOKEN'" : "";
        curl.set("curl -s " + base + "invocations -H 'Content-Type: text/csv'" + auth + " --data-binary '"
                + csv.toString().replace("'", "'\\''") + "'");
    }
}
