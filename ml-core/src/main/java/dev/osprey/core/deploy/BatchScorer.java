package dev.osprey.core.deploy;

import dev.osprey.core.train.ModelSignature;
import dev.osprey.core.train.Prediction;
import dev.osprey.core.train.SignatureColumn;
import dev.osprey.core.train.TrainedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores one chunk of rows into the text of the output (CSV or JSON Lines) plus the rejected
 * rows. Stateless apart from the immutable model, so chunks are scored on many threads at once.
 */
final class BatchScorer {
    static final String PREDICTION = "prediction";
    static final String PROBABILITY = "probability_";

    /** A row the model could not score: its 0-based position in the input and why. */
    record Rejected(long ordinal, String reason) {
    }

    /** One scored chunk: the output text of its good rows and its rejected rows, in input order. */
    record Chunk(String text, int scored, List<Rejected> rejected) {
    }

    private final TrainedModel model;
    private final List<String> inputColumns;
    private final int[] at;
    private final boolean[] numeric;
    private final boolean joinInput;
    private final boolean jsonLines;
    private final List<String> outputHeader;

    BatchScorer(TrainedModel model, List<String> inputColumns, boolean joinInput, boolean jsonLines) throws BatchException {
        this.model = model;
        this.inputColumns = List.copyOf(inputColumns);
        this.joinInput = joinInput;
        this.jsonLines = jsonLines;
        ModelSignature sig = model.signature();
        List<String> missing = sig.inputNames().stream().filter(n -> !inputColumns.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new BatchException("The input has no column " + quoted(missing) + "; the model needs "
                    + quoted(sig.inputNames()) + " and the file has " + quoted(inputColumns) + ".");
        }
        at = sig.inputNames().stream().mapToInt(inputColumns::indexOf).toArray();
        numeric = new boolean[at.length];
        for (int i = 0; i < at.length; i++) {
            numeric[i] = sig.inputs().get(i).type().isNumeric();
        }
        List<String> header = new ArrayList<>();
        if (joinInput) {
            header.addAll(inputColumns);
        }
        header.add(PREDICTION);
        if (sig.problemType().isClassification()) {
            sig.classLabels().forEach(l -> header.add(PROBABILITY + l));
        }
        if (joinInput && header.size() != header.stream().distinct().count()) {
            throw new BatchException("The input already has a column named '" + PREDICTION + "' or '" + PROBABILITY
                    + "...'; score it without --join-input or rename that column.");
        }
        this.outputHeader = List.copyOf(header);
    }

    List<String> outputHeader() {
        return outputHeader;
    }

    /** The CSV header line (empty for JSON Lines, which names fields in every row). */
    String headerText() {
        if (jsonLines) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < outputHeader.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Csv.append(sb, outputHeader.get(i));
        }
        return sb.append('\n').toString();
    }

    /**
     * Encodes every row (a row the model cannot read is rejected with the encoder's reason), then
     * predicts the good ones in one predictor call: for XGBoost one native matrix per chunk
     * instead of one per row.
     */
    Chunk score(Object[][] rows, long firstOrdinal) {
        String[] problems = new String[rows.length];
        double[][] encoded = new double[rows.length][];
        int good = 0;
        List<SignatureColumn> inputs = model.signature().inputs();
        for (int r = 0; r < rows.length; r++) {
            Object[] row = rows[r];
            Object[] x = new Object[at.length];
            for (int i = 0; i < at.length && problems[r] == null; i++) {
                Object v = row[at[i]];
                x[i] = v;
                if (numeric[i] && isNaN(v)) {
                    problems[r] = "The column '" + inputs.get(i).name() + "' is " + v + "; give a number or leave it empty (missing).";
                }
            }
            if (problems[r] == null) {
                try {
                    double[] e = model.encode(x); // before the index moves: a refused row leaves no hole
                    encoded[good++] = e;
                } catch (IllegalArgumentException e) {
                    problems[r] = e.getMessage();
                }
            }
        }
        Prediction[] predictions = good == 0 ? new Prediction[0] : model.predictEncoded(java.util.Arrays.copyOf(encoded, good));
        StringBuilder sb = new StringBuilder(rows.length * 32);
        List<Rejected> rejected = new ArrayList<>();
        int next = 0;
        int scored = 0;
        for (int r = 0; r < rows.length; r++) {
            if (problems[r] == null) {
                Prediction p = predictions[next++];
                if (!Double.isFinite(p.value())) {
                    problems[r] = "The model gave " + p.value() + " for this row.";
                } else {
                    scored++;
                    if (jsonLines) {
                        json(sb, rows[r], p);
                    } else {
                        csv(sb, rows[r], p);
                    }
                    continue;
                }
            }
            rejected.add(new Rejected(firstOrdinal + r, problems[r]));
        }
        return new Chunk(sb.toString(), scored, rejected);
    }

    private void csv(StringBuilder sb, Object[] row, Prediction p) {
        if (joinInput) {
            for (Object v : row) {
                Csv.append(sb, v == null ? "" : v.toString());
                sb.append(',');
            }
        }
        if (p.label().isPresent()) {
            Csv.append(sb, p.label().get());
            for (String label : model.signature().classLabels()) {
                sb.append(',').append(p.probabilities().getOrDefault(label, 0.0));
            }
        } else {
            sb.append(p.value());
        }
        sb.append('\n');
    }

    private void json(StringBuilder sb, Object[] row, Prediction p) {
        sb.append('{');
        if (joinInput) {
            for (int i = 0; i < row.length; i++) {
                JsonText.string(sb, inputColumns.get(i));
                sb.append(':');
                JsonText.value(sb, row[i]);
                sb.append(',');
            }
        }
        JsonText.string(sb, PREDICTION);
        sb.append(':');
        if (p.label().isPresent()) {
            JsonText.string(sb, p.label().get());
            for (String label : model.signature().classLabels()) {
                sb.append(',');
                JsonText.string(sb, PROBABILITY + label);
                sb.append(':').append(p.probabilities().getOrDefault(label, 0.0));
            }
        } else {
            sb.append(p.value());
        }
        sb.append("}\n");
    }

    private static boolean isNaN(Object v) {
        return switch (v) {
            case Double d -> d.isNaN() || d.isInfinite();
            case Float f -> f.isNaN() || f.isInfinite();
            case String s -> {
                String t = s.strip().toLowerCase(Locale.ROOT);
                yield t.equals("nan") || t.endsWith("infinity") || t.equals("inf") || t.equals("-inf") || t.equals("+inf");
            }
            case null, default -> false;
        };
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
