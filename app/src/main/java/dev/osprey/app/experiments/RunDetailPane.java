package dev.osprey.app.experiments;

import dev.osprey.app.ui.MetricNames;
import dev.osprey.core.experiment.Artifact;
import dev.osprey.core.experiment.Run;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One run in full: parameters, metrics, tags and provenance (data, libraries, runtime, files). */
final class RunDetailPane extends ScrollPane {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.US).withZone(ZoneId.systemDefault());
    private static final String PROVENANCE_PREFIX = "osprey.";

    private final Label title = new Label();
    private final Label status = new Label();
    private final Label message = new Label();
    private final PropertyCard params = new PropertyCard("mdi2t-tune-variant", "Parameters", "No parameters.");
    private final PropertyCard metrics = new PropertyCard("mdi2c-chart-box-outline", "Metrics", "No metrics (the run did not finish).");
    private final PropertyCard tags = new PropertyCard("mdi2t-tag-outline", "Tags", "No tags of its own.");
    private final PropertyCard provenance = new PropertyCard("mdi2s-source-branch", "Provenance", "No provenance recorded.");

    RunDetailPane() {
        setId("runDetail");
        title.getStyleClass().add("section-title");
        title.setId("runDetailTitle");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        HBox head = new HBox(10, title, status);
        head.setAlignment(Pos.CENTER_LEFT);
        FlowPane cards = new FlowPane(14, 14, params, metrics, provenance, tags);
        cards.getStyleClass().add("detail-cards");
        for (PropertyCard c : new PropertyCard[]{params, metrics, provenance, tags}) {
            c.setPrefWidth(340);
        }
        VBox body = new VBox(10, head, message, cards);
        body.getStyleClass().add("run-detail");
        setContent(body);
        setFitToWidth(true);
        getStyleClass().add("detail-scroll");
        widthProperty().addListener((o, a, w) -> {
            // Two cards a row when there is room, else one; the cards keep a readable width.
            double available = w.doubleValue() - 40;
            double each = available >= 700 ? (available - 14) / 2 : available;
            for (PropertyCard c : new PropertyCard[]{params, metrics, provenance, tags}) {
                c.setPrefWidth(Math.max(280, each));
            }
        });
    }

    void show(RunRow row) {
        if (row == null) {
            return;
        }
        Run run = row.run();
        title.setText("Run " + row.label() + " · " + run.name());
        status.setText(RunRow.statusText(run.status()));
        status.getStyleClass().setAll("label", "chip", "status-chip", "status-" + run.status().name().toLowerCase(Locale.ROOT));
        message.setText(run.message().map(m -> "Message: " + m).orElse(""));
        message.setVisible(run.message().isPresent());
        message.setManaged(run.message().isPresent());

        params.show(new TreeMap<>(run.params()), false);
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : MetricNames.ordered(run.metrics().keySet())) {
            m.put(MetricNames.label(k), MetricNames.formatMetric(k, run.metrics().get(k)));
        }
        metrics.show(m, true);

        Map<String, String> own = new TreeMap<>();
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("Started", TIME.format(run.startedAt()));
        run.endedAt().ifPresent(e -> prov.put("Ended", TIME.format(e)));
        prov.put("Duration", row.durationText());
        prov.put("Experiment", row.experimentName());
        new TreeMap<>(run.tags()).forEach((k, v) -> {
            if (k.startsWith(PROVENANCE_PREFIX)) {
                prov.put(provenanceName(k), v);
            } else {
                own.put(k, v);
            }
        });
        for (Artifact a : run.artifacts()) {
            prov.put("File: " + a.name(), a.path() + " (sha256 " + a.sha256().substring(0, Math.min(12, a.sha256().length())) + "…)");
        }
        provenance.show(prov, false);
        tags.show(own, false);
        setVvalue(0);
    }

    /** "osprey.dataset.fingerprint" reads as "Dataset fingerprint", "osprey.lib.xgboost" as "XGBoost version". */
    private static String provenanceName(String tag) {
        String k = tag.substring(PROVENANCE_PREFIX.length());
        if (k.startsWith("lib.")) {
            String lib = k.substring(4);
            return switch (lib) {
                case "xgboost" -> "XGBoost";
                case "smile" -> "Smile";
                case "duckdb" -> "DuckDB";
                case "sqlite" -> "SQLite";
                default -> lib;
            } + " version";
        }
        return switch (k) {
            case "jvm" -> "JVM";
            case "os" -> "OS";
            default -> {
                String s = k.replace('.', ' ').replace('_', ' ');
                yield Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
        };
    }
}
