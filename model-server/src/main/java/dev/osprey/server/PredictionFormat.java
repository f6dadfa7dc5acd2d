package dev.osprey.server;

import dev.osprey.core.train.Prediction;
import dev.osprey.server.http.HttpStatusException;
import dev.osprey.server.http.JsonText;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The media types {@code /invocations} reads and writes. A regression prediction is a number;
 * a clustering prediction {@code {"label": "CLUSTER"}}; a classification prediction is {@code {"label": ..., "probability": ..., "probabilities": {...}}}
 * in JSON and {@code label,p(class1),p(class2),...} in CSV.
 */
enum PredictionFormat {
    CSV("text/csv"), JSON("application/json"), JSON_LINES("application/jsonlines");

    private final String mediaType;

    PredictionFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The format of a request body; 415 for anything else. */
    static PredictionFormat ofContentType(String type) throws HttpStatusException {
        PredictionFormat f = of(type);
        if (f == null) {
            throw new HttpStatusException(415, (type.isEmpty() ? "The request has no Content-Type" : "Unsupported Content-Type '"
                    + Cells.clip(type) + "'") + "; send text/csv, application/json or application/jsonlines.");
        }
        return f;
    }

    /**
     * The response format from the Accept header: the first listed type this server writes
     * (q-values are not weighed); the request's own format when Accept is absent or a wildcard.
     */
    static PredictionFormat ofAccept(String accept, PredictionFormat requestFormat) throws HttpStatusException {
        if (accept == null || accept.isBlank()) {
            return requestFormat;
        }
        for (String part : accept.split(",")) {
            int semi = part.indexOf(';');
            String type = (semi < 0 ? part : part.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") && requestFormat != CSV || type.equals("text/*") && requestFormat == CSV) {
                return requestFormat;
            }
            PredictionFormat f = of(type);
            if (f != null) {
                return f;
            }
        }
        throw new HttpStatusException(406, "Cannot answer in '" + Cells.clip(accept)
                + "'; accept text/csv, application/json or application/jsonlines.");
    }

    private static PredictionFormat of(String type) {
        return switch (type) {
            case "text/csv" -> CSV;
            case "application/json" -> JSON;
            case "application/jsonlines", "application/jsonl", "application/x-jsonlines", "application/x-ndjson",
                 "application/json-lines" -> JSON_LINES;
            default -> null;
        };
    }

    String write(List<Prediction> predictions, LoadedModel m) {
        StringBuilder sb = new StringBuilder(32 + 24 * predictions.size());
        switch (this) {
            case JSON -> {
                sb.append("{\"predictions\":[");
                for (int i = 0; i < predictions.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    json(sb, predictions.get(i), m);
                }
                sb.append("]}");
            }
            case JSON_LINES -> {
                for (Prediction p : predictions) {
                    json(sb, p, m);
                    sb.append('\n');
                }
            }
            case CSV -> {
                for (Prediction p : predictions) {
                    if (p.label().isPresent()) {
                        csvCell(sb, p.label().get());
                        for (String label : m.classLabels()) {
                            sb.append(',');
                            JsonText.number(sb, p.probabilities().getOrDefault(label, 0.0));
                        }
                    } else {
                        JsonText.number(sb, p.value());
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static void json(StringBuilder sb, Prediction p, LoadedModel m) {
        if (p.label().isEmpty()) {
            JsonText.number(sb, p.value());
            return;
        }
        sb.append("{\"label\":");
        JsonText.string(sb, p.label().get());
        if (p.probabilities().isEmpty()) {
            sb.append('}'); // a cluster: its id is the label, there are no class probabilities
            return;
        }
        sb.append(",\"probability\":");
        JsonText.number(sb, p.value());
        sb.append(",\"probabilities\":{");
        int i = 0;
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
            if (i++ > 0) {
                sb.append(',');
            }
            JsonText.string(sb, e.getKey());
            sb.append(':');
            JsonText.number(sb, e.getValue());
        }
        sb.append("}}");
    }

    private static void csvCell(StringBuilder sb, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            sb.append(s);
        } else {
            sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
    }
}
