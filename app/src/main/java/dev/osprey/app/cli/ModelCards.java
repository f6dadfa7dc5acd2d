package dev.osprey.app.cli;

import dev.osprey.core.experiment.Run;
import dev.osprey.core.registry.ModelVersion;
import dev.osprey.core.train.ClassificationReport;
import dev.osprey.core.train.FeatureImportance;
import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tables {@code train} and {@code models show} print: per-class scores, confusion, importance, the model card. */
final class ModelCards {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int MAX_CATEGORIES_SHOWN = 8;

    private ModelCards() {
    }

    static TextTable perClass(ClassificationReport report) {
        TextTable t = new TextTable(List.of("CLASS", "PRECISION", "RECALL", "F1", "SUPPORT"), false, true, true, true, true);
        for (ClassificationReport.ClassScore c : report.perClass()) {
            t.add(List.of(c.label(), Numbers.metric(c.precision()), Numbers.metric(c.recall()), Numbers.metric(c.f1()),
                    Numbers.count(c.support())));
        }
        return t;
    }

    static TextTable confusion(ClassificationReport report) {
        List<String> header = new ArrayList<>();
        header.add("ACTUAL");
        header.addAll(report.labels());
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(header, right);
        int[][] m = report.confusion();
        for (int i = 0; i < m.length; i++) {
            List<String> row = new ArrayList<>();
            row.add(report.labels().get(i));
            for (int v : m[i]) {
                row.add(Numbers.count(v));
            }
            t.add(row);
        }
        return t;
    }

    static TextTable importance(FeatureImportance importance, int max) {
        TextTable t = new TextTable(List.of("FEATURE", "IMPORTANCE (" + importance.method() + ")"), false, true);
        importance.byColumn().entrySet().stream().limit(max)
                .forEach(e -> t.add(List.of(e.getKey(), Numbers.percent(e.getValue()))));
        return t;
    }

    static TextTable inputs(ModelSignature signature) {
        TextTable t = new TextTable(List.of("INPUT", "TYPE", "ENCODING", "DETAIL"), false, false, false, false);
        for (SignatureColumn c : signature.inputs()) {
            String detail;
            if (c.oneHot()) {
                List<String> shown = c.categories().stream().limit(MAX_CATEGORIES_SHOWN).toList();
                detail = "categories " + String.join(", ", shown)
                        + (c.categories().size() > shown.size() ? ", ... (" + c.categories().size() + ")" : "")
                        + (c.hasOther() ? "; others as (other)" : "");
            } else {
                detail = "missing -> " + Numbers.metric(c.median());
            }
            t.add(List.of(c.name(), c.type().name().toLowerCase(Locale.ROOT), c.oneHot() ? "one-hot" : "numeric", detail));
        }
        return t;
    }

    /** The whole card of one version: what {@code osprey models show} prints. */
    static void print(PrintWriter out, ModelVersion v, List<ModelVersion> all, TrainedModel model, Optional<Run> run) {
        ModelSignature sig = model.signature();
        out.printf("Model %s:%d (%s)%n", v.name(), v.version(), v.status());
        line(out, "aliases", v.aliases().isEmpty() ? "(none)" : String.join(", ", v.aliases()));
        line(out, "versions", String.join(", ", all.stream().map(x -> x.version() + " " + x.status()
                + (x.aliases().isEmpty() ? "" : " @" + String.join(" @", x.aliases()))).toList()));
        line(out, "created", v.createdAt() == null ? "" : TIME.format(v.createdAt().atZone(ZoneId.systemDefault())));
        line(out, "algorithm", model.algorithm() + " " + model.options());
        line(out, "predicts", sig.output() + " (" + sig.problemType().name().toLowerCase(Locale.ROOT)
                + (sig.classLabels().isEmpty() ? "" : "; classes " + String.join(", ", sig.classLabels())) + ")");
        line(out, "file", v.modelFile() + " (SHA-256 " + v.sha256() + ")");
        out.println();
        inputs(sig).print(out);
        out.println();
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(model.metrics());
        metrics.keySet().removeIf(k -> k.contains("["));
        Numbers.metricsTable(metrics).print(out);
        if (!model.importance().byColumn().isEmpty()) {
            out.println();
            importance(model.importance(), Integer.MAX_VALUE).print(out);
        }
        out.println();
        out.println("Provenance:");
        if (run.isEmpty()) {
            line(out, "run", v.run().map(r -> r.value() + " (no longer in the catalog)").orElse("(none)"));
        } else {
            Run r = run.get();
            Map<String, String> tags = r.tags();
            Map<String, String> params = r.params();
            line(out, "run", r.id().value() + " '" + r.name() + "', " + r.status() + ", started "
                    + TIME.format(r.startedAt().atZone(ZoneId.systemDefault()))
                    + r.endedAt().map(e -> ", ended " + TIME.format(e.atZone(ZoneId.systemDefault()))).orElse(""));
            line(out, "dataset", tags.getOrDefault("osprey.dataset.name", "?") + " (" + tags.getOrDefault("osprey.dataset.rows", "?")
                    + " rows, fingerprint " + tags.getOrDefault("osprey.dataset.fingerprint", "?") + ")");
            line(out, "validation", params.getOrDefault("validation", "?") + ", seed " + params.getOrDefault("seed", "?"));
            dev.osprey.core.train.RecipeBinding.provenance(tags).ifPresent(text -> line(out, "recipe", text));
            tags.entrySet().stream().filter(e -> e.getKey().startsWith("osprey.lib.")).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> line(out, e.getKey().substring("osprey.lib.".length()), e.getValue()));
            line(out, "java", tags.getOrDefault("osprey.jvm", "?"));
            line(out, "os", tags.getOrDefault("osprey.os", "?"));
        }
        out.flush();
    }

    private static void line(PrintWriter out, String key, String value) {
        out.printf("  %-11s %s%n", key + ":", value);
    }
}
