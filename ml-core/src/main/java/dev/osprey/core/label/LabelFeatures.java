package dev.osprey.core.label;

import dev.osprey.core.job.JobContext;
import dev.osprey.core.json.Json;
import dev.osprey.core.workspace.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a job's items become feature columns: TF-IDF over the texts a job was fitted on, or the
 * fixed {@link ImageFeatures}. "Train a model from these labels" records the extractor it used
 * next to the training run ({@code labeling/_extractors/run-N.json}), because the model only sees
 * the columns: to pre-label new items with that model, the same vocabulary and idf weights must
 * turn their texts into the same columns.
 */
public final class LabelFeatures {
    /** The two extractors; the JSON names are what the recorded files say. */
    public enum Kind {
        TEXT_TFIDF("text-tfidf"), IMAGE("image");

        private final String json;

        Kind(String json) {
            this.json = json;
        }
    }

    static final String FOLDER = "_extractors"; // job names start with a letter or digit, so no job folder clashes

    private final Kind kind;
    private final TextFeatures text; // null for images
    private final List<String> columns;

    private LabelFeatures(Kind kind, TextFeatures text) {
        this.kind = kind;
        this.text = text;
        this.columns = kind == Kind.TEXT_TFIDF ? textColumns(text.terms()) : imageColumns();
    }

    /** Fits TF-IDF on the items' texts (a text job), or takes the image features (an image job). */
    static LabelFeatures fit(LabelJob job, List<LabelItem> items) throws LabelException {
        if (!job.spec().type().textItems()) {
            return new LabelFeatures(Kind.IMAGE, null);
        }
        TextFeatures tf = TextFeatures.fit(items.stream().map(LabelItem::source).toList(), ItemFeatures.MAX_TERMS);
        if (tf.size() == 0) {
            throw new LabelException("job '" + job.name() + "': the texts have no words to learn from");
        }
        return new LabelFeatures(Kind.TEXT_TFIDF, tf);
    }

    public Kind kind() {
        return kind;
    }

    /** The dataset column of each feature, in order: {@code w_TERM} for texts, {@code px_i} and {@code hist_ci} for images. */
    public List<String> columns() {
        return columns;
    }

    /** The features of one item (an image path is resolved against {@code workspaceRoot}). */
    public double[] of(LabelItem item, Path workspaceRoot) throws LabelException {
        return kind == Kind.TEXT_TFIDF ? text.transform(item.source()) : ImageFeatures.of(workspaceRoot.resolve(item.source()));
    }

    /** Features of many items, reporting progress for images (the slow kind) and honouring cancel. */
    double[][] matrix(List<LabelItem> items, Path workspaceRoot, JobContext context) throws LabelException {
        double[][] x = new double[items.size()][];
        for (int i = 0; i < x.length; i++) {
            if (kind == Kind.IMAGE) {
                context.checkCancelled();
                if (i % 50 == 0) {
                    context.progress(0.5 * i / x.length, "Reading images " + i + " / " + x.length);
                }
            }
            x[i] = of(items.get(i), workspaceRoot);
        }
        return x;
    }

    /** Where the extractor of training run {@code runId} is recorded. */
    static Path fileFor(Path labelingDir, long runId) {
        return labelingDir.resolve(FOLDER).resolve("run-" + runId + ".json");
    }

    void save(Path file) throws LabelException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.json);
        if (text != null) {
            m.put("terms", text.terms());
            List<Double> idf = new ArrayList<>();
            for (double d : text.idf()) {
                idf.add(d);
            }
            m.put("idf", idf);
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, Json.write(m));
        } catch (IOException e) {
            throw new LabelException("cannot record the model's feature extractor in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The recorded extractor, or empty when there is none; a damaged file is an error naming it. */
    static Optional<LabelFeatures> load(Path file) throws LabelException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> m = (Map<?, ?>) Json.parse(Files.readString(file));
            Object kind = m.get("kind");
            if (Kind.IMAGE.json.equals(kind)) {
                return Optional.of(new LabelFeatures(Kind.IMAGE, null));
            }
            if (!Kind.TEXT_TFIDF.json.equals(kind) || !(m.get("terms") instanceof List<?> terms)
                    || !(m.get("idf") instanceof List<?> idf)) {
                throw new LabelException(file + " is not a feature extractor record (kind, terms, idf)");
            }
            double[] weights = new double[idf.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = ((Number) idf.get(i)).doubleValue();
            }
            return Optional.of(new LabelFeatures(Kind.TEXT_TFIDF,
                    TextFeatures.of(terms.stream().map(String::valueOf).toList(), weights)));
        } catch (IOException e) {
            throw new LabelException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LabelException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static List<String> textColumns(List<String> terms) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String term : terms) {
            String c = "w_" + term.replaceAll("[^A-Za-z0-9_]", "_");
            while (!seen.add(c)) {
                c = c + "_";
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static List<String> imageColumns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ImageFeatures.SIDE * ImageFeatures.SIDE; i++) {
            out.add("px_" + i);
        }
        for (String ch : List.of("r", "g", "b")) {
            for (int i = 0; i < ImageFeatures.BINS; i++) {
                out.add("hist_" + ch + i);
            }
        }
        return List.copyOf(out);
    }
}
