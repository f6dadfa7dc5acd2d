package dev.osprey.core.deploy;

import dev.osprey.core.train.Prediction;

import java.util.List;

/**
 * The text of one output row, CSV or JSON Lines, as {@link BatchScorer} writes it: the input
 * columns (with {@code --join-input}), the prediction, and for a classifier each class's
 * probability. Numbers are written as {@link Double#toString(double)} writes them.
 */
final class RowText {
    private final List<String> inputColumns;
    private final List<String> classLabels;
    private final boolean joinInput;
    private final boolean jsonLines;

    RowText(List<String> inputColumns, List<String> classLabels, boolean joinInput, boolean jsonLines) {
        this.inputColumns = List.copyOf(inputColumns);
        this.classLabels = List.copyOf(classLabels);
        this.joinInput = joinInput;
        this.jsonLines = jsonLines;
    }

    // The input row as output text: CSV fields re-quoted where needed, or the start of a JSON object.
    String joined(CsvBlock.Cursor c, int width) {
        StringBuilder sb = new StringBuilder();
        if (jsonLines) {
            sb.append('{');
        }
        for (int f = 0; f < width; f++) {
            if (jsonLines) {
                JsonText.string(sb, inputColumns.get(f));
                sb.append(':');
                JsonText.value(sb, c.isMissing(f) ? null : c.text(f));
                sb.append(',');
            } else {
                if (f > 0) {
                    sb.append(',');
                }
                Csv.append(sb, c.isMissing(f) ? "" : c.text(f));
            }
        }
        return sb.toString();
    }

    // sb is scratch space for text that needs quoting or escaping.
    void csvPrediction(TextBuffer out, StringBuilder sb, Prediction p) {
        if (p.label().isPresent()) {
            sb.setLength(0);
            Csv.append(sb, p.label().get());
            out.text(sb);
            for (String label : classLabels) {
                out.ascii(',').number(p.probabilities().getOrDefault(label, 0.0));
            }
        } else {
            out.number(p.value());
        }
        out.ascii('\n');
    }

    // With joinInput the object is already open and ends with a comma (see joined).
    void jsonPrediction(TextBuffer out, StringBuilder sb, boolean open, Prediction p) {
        sb.setLength(0);
        if (!open) {
            sb.append('{');
        }
        JsonText.string(sb, BatchScorer.PREDICTION);
        sb.append(':');
        if (p.label().isPresent()) {
            JsonText.string(sb, p.label().get());
            out.text(sb);
            for (String label : classLabels) {
                sb.setLength(0);
                sb.append(',');
                JsonText.string(sb, BatchScorer.PROBABILITY + label);
                sb.append(':');
                out.text(sb).number(p.probabilities().getOrDefault(label, 0.0));
            }
        } else {
            out.text(sb).number(p.value());
        }
        out.ascii('}').ascii('\n');
    }

    void csv(TextBuffer out, StringBuilder sb, Object[] row, Prediction p) {
        if (joinInput) {
            sb.setLength(0);
            for (Object v : row) {
                Csv.append(sb, v == null ? "" : v.toString());
                sb.append(',');
            }
            out.text(sb);
        }
        csvPrediction(out, sb, p);
    }

    void json(TextBuffer out, StringBuilder sb, Object[] row, Prediction p) {
        sb.setLength(0);
        sb.append('{');
        if (joinInput) {
            for (int i = 0; i < row.length; i++) {
                JsonText.string(sb, inputColumns.get(i));
                sb.append(':');
                JsonText.value(sb, row[i]);
                sb.append(',');
            }
        }
        out.text(sb);
        jsonPrediction(out, sb, true, p);
    }
}
