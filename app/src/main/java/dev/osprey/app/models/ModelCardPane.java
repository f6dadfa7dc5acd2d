package dev.osprey.app.models;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.app.experiments.PropertyCard;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.SignatureColumn;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version's model card: input signature (columns, types, categories), output, validation
 * metrics, feature importance as bars, and provenance (algorithm, options, data, libraries, files).
 */
final class ModelCardPane extends ScrollPane {
    private final PropertyCard signature = new PropertyCard("mdi2t-table-arrow-right", "Inputs", "No inputs.");
    private final PropertyCard output = new PropertyCard("mdi2t-target", "Output", "");
    private final PropertyCard metrics = new PropertyCard("mdi2c-chart-box-outline", "Validation metrics", "No metrics recorded.");
    private final PropertyCard importance = new PropertyCard("mdi2s-sort-descending", "Feature importance", "");
    private final PropertyCard provenance = new PropertyCard("mdi2s-source-branch", "Provenance", "");
    private final GridPane bars = new GridPane();
    private final Label importanceMethod = new Label();

    ModelCardPane() {
        setId("modelCard");
        getStyleClass().add("detail-scroll");
        setFitToWidth(true);
        bars.getStyleClass().add("importance-bars");
        bars.setHgap(10);
        bars.setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMaxWidth(180);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(80);
        ColumnConstraints share = new ColumnConstraints();
        share.setMinWidth(56);
        bars.getColumnConstraints().setAll(name, bar, share);
        importanceMethod.getStyleClass().add("property-empty");
        importanceMethod.setWrapText(true);
        importance.showNode(new VBox(8, bars, importanceMethod));
        PropertyCard[] all = {signature, output, metrics, importance, provenance};
        FlowPane cards = new FlowPane(14, 14, all);
        cards.getStyleClass().add("detail-cards");
        VBox body = new VBox(cards);
        body.getStyleClass().add("card-body");
        setContent(body);
        widthProperty().addListener((o, a, w) -> {
            double available = w.doubleValue() - 30;
            double each = available >= 700 ? (available - 14) / 2 : available;
            for (PropertyCard c : all) {
                c.setPrefWidth(Math.max(280, each));
            }
        });
    }

    void show(ModelCardData card) {
        if (card == null) {
            return;
        }
        ModelSignature sig = card.signature();
        Map<String, String> inputs = new LinkedHashMap<>();
        for (SignatureColumn c : sig.inputs()) {
            inputs.put(c.name(), describe(c));
        }
        signature.show(inputs, false);

        Map<String, String> out = new LinkedHashMap<>();
        out.put("Column", sig.output());
        out.put("Problem", switch (sig.problemType()) {
            case REGRESSION -> "Regression (a number)";
            case BINARY -> "Binary classification";
            case MULTICLASS -> "Multi-class classification";
            case CLUSTERING -> "Clustering (the cluster id; -1 is noise)";
        });
        if (!sig.classLabels().isEmpty()) {
            out.put("Classes", String.join(", ", sig.classLabels()));
        }
        output.show(out, false);

        Map<String, String> m = new LinkedHashMap<>();
        for (String k : MetricNames.ordered(card.metrics().keySet())) {
            m.put(MetricNames.label(k), MetricNames.formatMetric(k, card.metrics().get(k)));
        }
        metrics.show(m, true);

        bars.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, Double> e : card.importance().entrySet()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("property-name");
            ProgressBar bar = new ProgressBar(e.getValue());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add("importance-bar");
            Label share = new Label(PredictionResult.percent(e.getValue()));
            share.getStyleClass().addAll("property-value", "numeric");
            share.setAlignment(Pos.CENTER_RIGHT);
            share.setMaxWidth(Double.MAX_VALUE);
            bars.addRow(row++, name, bar, share);
        }
        importanceMethod.setText(switch (card.importanceMethod()) {
            case "gain" -> "Share of the total gain of the splits on each column (XGBoost).";
            case "split" -> "Share of the impurity decrease of the splits on each column.";
            case "permutation" -> "How much the validation loss rises when a column is shuffled.";
            default -> "Method: " + card.importanceMethod();
        });

        provenance.show(provenance(card), false);
        setVvalue(0);
    }

    private static String describe(SignatureColumn c) {
        String type = c.type().name().toLowerCase(Locale.ROOT);
        if (c.oneHot()) {
            List<String> cats = c.categories();
            String shown = cats.size() <= 8 ? String.join(", ", cats)
                    : String.join(", ", cats.subList(0, 8)) + " … (" + cats.size() + ")";
            return type + " · " + shown + (c.hasOther() ? " · other values allowed" : "");
        }
        return type + (Double.isNaN(c.median()) ? "" : " · missing → " + MetricNames.format(c.median()));
    }

    private static Map<String, String> provenance(ModelCardData card) {
        ModelVersion v = card.version();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Algorithm", card.model().algorithm());
        if (!card.model().options().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(card.model().options()).forEach((k, val) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(val));
            p.put("Options", sb.toString());
        }
        p.put("Registered", VersionTable.CREATED.format(v.createdAt()));
        v.run().ifPresent(r -> p.put("Run", "#" + r.value()));
        if (card.run().isPresent()) {
            Run run = card.run().get();
            Map<String, String> t = run.tags();
            putIf(p, "Dataset", t.get("osprey.dataset.name"));
            putIf(p, "Dataset rows", t.get("osprey.dataset.rows"));
            putIf(p, "Fingerprint", shortHash(t.get("osprey.dataset.fingerprint")));
            putIf(p, "Recipe", dev.osprey.core.train.RecipeBinding.provenance(t).orElse(null));
            putIf(p, "Validation", run.params().get("validation"));
            putIf(p, "Seed", run.params().get("seed"));
            putIf(p, "XGBoost", t.get("osprey.lib.xgboost"));
            putIf(p, "Smile", t.get("osprey.lib.smile"));
            putIf(p, "JVM", t.get("osprey.jvm"));
            putIf(p, "OS", t.get("osprey.os"));
        }
        p.put("Folder", v.folder());
        p.put("SHA-256", shortHash(v.sha256()));
        return p;
    }

    private static void putIf(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    private static String shortHash(String h) {
        return h == null ? null : h.length() > 16 ? h.substring(0, 16) + "…" : h;
    }
}
