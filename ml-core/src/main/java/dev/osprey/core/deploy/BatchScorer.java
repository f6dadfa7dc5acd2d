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

    /**
     * One scored chunk: the output of its good rows ({@code bytes[0, length)}, UTF-8, made on the
     * scoring thread so the writer only hands bytes to the file) and its rejected rows, in input
     * order. For CSV and TSV input {@code lines} is the number of file lines the chunk spans and a
     * rejected row's {@code ordinal} is its line counted from the chunk's first line (the writer,
     * which sees the chunks in order, makes it a file line); for other input {@code lines} is -1
     * and ordinals count rows.
     */
    record Chunk(byte[] bytes, int length, int scored, List<Rejected> rejected, long lines) {
    }

    private final TrainedModel model;
    private final List<String> inputColumns;
    private final int[] at;
    private final boolean[] numeric;
    /** Numeric inputs the encoder reads as numbers (not one-hot): a plain decimal may go in as a Double. */
    private final boolean[] plainNumber;
    private final boolean joinInput;
    private final boolean jsonLines;
    private final List<String> outputHeader;
    /** Rows of plain numbers are encoded without boxing (see {@link #directEncoding}). */
    private final boolean direct;
    private final double[] medians;
    private final RowText rowText;
    /** Output arrays come back here once written ({@link #recycle}). */
    private final ByteArrays outputs = new ByteArrays(16);
    /** Per scoring thread: the rows of a block, reused block after block (see {@link Scratch}). */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

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
        plainNumber = new boolean[at.length];
        for (int i = 0; i < at.length; i++) {
            SignatureColumn c = sig.inputs().get(i);
            numeric[i] = c.type().isNumeric();
            plainNumber[i] = numeric[i] && !c.oneHot();
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
        this.rowText = new RowText(this.inputColumns, sig.classLabels(), joinInput, jsonLines);
        this.direct = directEncoding(model, at.length);
        this.medians = sig.inputs().stream().mapToDouble(SignatureColumn::median).toArray();
    }

    /**
     * Whether a row of plain numbers may be encoded here instead of through {@link TrainedModel#encode}
     * (which takes boxed values one row at a time): only for a model without a recipe whose inputs
     * are all plain numeric features, and only when the model's own encoding of probe rows (values,
     * negatives, missing) is exactly "the number, or the column's median when missing". Any other
     * encoding (a scaled or one-hot column, a recipe) keeps the model's path for every row.
     */
    private static boolean directEncoding(TrainedModel model, int width) {
        ModelSignature sig = model.signature();
        if (model.recipe().isPresent() || !sig.inputs().equals(model.featureSignature().inputs())
                || !sig.inputs().stream().allMatch(c -> c.type().isNumeric() && !c.oneHot() && c.width() == 1)) {
            return false;
        }
        double[][] probes = new double[3][width];
        for (int i = 0; i < width; i++) {
            probes[0][i] = i + 1.5;
            probes[1][i] = -1000.25 * (i + 1);
            probes[2][i] = Double.NaN; // missing
        }
        try {
            for (double[] probe : probes) {
                Object[] boxed = new Object[width];
                for (int i = 0; i < width; i++) {
                    boxed[i] = Double.isNaN(probe[i]) ? null : probe[i];
                }
                double[] expected = model.encode(boxed);
                double[] ours = new double[width];
                for (int i = 0; i < width; i++) {
                    ours[i] = Double.isNaN(probe[i]) ? sig.inputs().get(i).median() : probe[i];
                }
                if (!java.util.Arrays.equals(expected, ours)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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
        TextBuffer out = new TextBuffer(rows.length * 32);
        StringBuilder sb = new StringBuilder();
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
                        rowText.json(out, sb, rows[r], p);
                    } else {
                        rowText.csv(out, sb, rows[r], p);
                    }
                    continue;
                }
            }
            rejected.add(new Rejected(firstOrdinal + r, problems[r]));
        }
        return new Chunk(out.array(), out.length(), scored, rejected, -1);
    }

    /**
     * Scores the records of a CSV block as {@link #score} scores rows, reading the model's inputs
     * straight from the bytes: a plain decimal in a numeric input goes to the encoder as a Double
     * (the value {@code Double.parseDouble} gives), anything else as its text, so what is accepted
     * or refused, and why, is the encoder's call as for every other input. A record with the wrong
     * number of fields is rejected here, with its line.
     */
    Chunk scoreCsv(CsvBlock block) {
        CsvBlock.Cursor c = block.cursor();
        Scratch s = scratch.get();
        s.ensure(Math.max(16, block.bytes() / 8), joinInput);
        double[][] encoded = s.rows;
        long[] goodLine = s.lines;
        String[] joined = s.joined;
        List<Rejected> rejected = new ArrayList<>();
        List<SignatureColumn> inputs = model.signature().inputs();
        int width = inputColumns.size();
        boolean rawJoin = joinInput && !jsonLines && block.delimiter() == ',';
        Object[] x = new Object[at.length];
        int good = 0;
        while (c.nextRecord()) {
            if (c.fieldCount() != width) {
                rejected.add(new Rejected(c.line(), "Expected " + width + " fields (the header's columns) but found "
                        + c.fieldCount() + "."));
                continue;
            }
            if (good == encoded.length) {
                s.ensure(good * 2, joinInput);
                encoded = s.rows;
                goodLine = s.lines;
                joined = s.joined;
            }
            double[] e = null;
            if (direct) {
                double[] row = s.own[good] != null ? s.own[good] : (s.own[good] = new double[at.length]);
                e = directlyEncoded(c, row) ? row : null;
            }
            String problem = null;
            if (e == null) {
                for (int i = 0; i < at.length && problem == null; i++) {
                    int f = at[i];
                    Object v;
                    if (c.isMissing(f)) {
                        v = null;
                    } else {
                        double d = plainNumber[i] ? c.plainNumber(f) : CsvBlock.NOT_PLAIN;
                        v = Double.isNaN(d) ? c.text(f) : (Object) d;
                    }
                    x[i] = v;
                    if (numeric[i] && isNaN(v)) {
                        problem = "The column '" + inputs.get(i).name() + "' is " + v + "; give a number or leave it empty (missing).";
                    }
                }
                if (problem == null) {
                    try {
                        e = model.encode(x);
                    } catch (IllegalArgumentException ex) {
                        problem = ex.getMessage();
                    }
                }
            }
            if (problem != null) {
                rejected.add(new Rejected(c.line(), problem));
                continue;
            }
            encoded[good] = e;
            goodLine[good] = c.line();
            if (joinInput) {
                joined[good] = rawJoin && c.isPlain() ? c.raw() : rowText.joined(c, width);
            }
            good++;
        }
        Prediction[] predictions = good == 0 ? new Prediction[0] : model.predictEncoded(java.util.Arrays.copyOf(encoded, good));
        TextBuffer out = new TextBuffer(outputs.take(good * 20 + (joinInput ? block.bytes() + good * 8 : 0)));
        StringBuilder sb = new StringBuilder();
        int scored = 0;
        List<Rejected> late = new ArrayList<>();
        for (int r = 0; r < good; r++) {
            Prediction p = predictions[r];
            if (!Double.isFinite(p.value())) {
                late.add(new Rejected(goodLine[r], "The model gave " + p.value() + " for this row."));
                continue;
            }
            scored++;
            if (joinInput) {
                out.text(joined[r]);
                if (!jsonLines) {
                    out.ascii(',');
                }
            }
            if (jsonLines) {
                rowText.jsonPrediction(out, sb, joinInput, p);
            } else {
                rowText.csvPrediction(out, sb, p);
            }
        }
        if (joinInput) {
            java.util.Arrays.fill(joined, 0, good, null);
        }
        if (!late.isEmpty()) {
            rejected.addAll(late);
            rejected.sort(java.util.Comparator.comparingLong(Rejected::ordinal));
        }
        return new Chunk(out.array(), out.length(), scored, rejected, c.linesPassed());
    }

    /** Encodes the record into {@code e} when every input is a plain number or missing; false to take the model's path. */
    private boolean directlyEncoded(CsvBlock.Cursor c, double[] e) {
        for (int i = 0; i < at.length; i++) {
            int f = at[i];
            if (c.isMissing(f)) {
                e[i] = medians[i];
            } else {
                double d = c.plainNumber(f);
                if (Double.isNaN(d)) {
                    return false;
                }
                e[i] = d;
            }
        }
        return true;
    }

    /** Hands a written chunk's array back for a later chunk. */
    void recycle(Chunk chunk) {
        outputs.give(chunk.bytes());
    }

    /**
     * A scoring thread's arrays for one block: the encoded rows, their lines and joined text. The
     * rows the scorer encodes itself ({@code own}) are kept and overwritten block after block (a
     * predictor reads its input rows only during the call); rows from the model's encoder are not.
     */
    private static final class Scratch {
        double[][] rows = new double[0][];
        double[][] own = new double[0][];
        long[] lines = new long[0];
        String[] joined;

        void ensure(int size, boolean join) {
            if (rows.length < size) {
                rows = java.util.Arrays.copyOf(rows, size);
                own = java.util.Arrays.copyOf(own, size);
                lines = java.util.Arrays.copyOf(lines, size);
            }
            if (join && (joined == null || joined.length < rows.length)) {
                joined = joined == null ? new String[rows.length] : java.util.Arrays.copyOf(joined, rows.length);
            }
        }
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
