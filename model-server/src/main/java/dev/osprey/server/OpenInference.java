package dev.osprey.server;

import dev.osprey.core.data.ColumnType;
import dev.osprey.core.json.Json;
import dev.osprey.core.train.Prediction;
import dev.osprey.server.http.HttpStatusException;
import dev.osprey.server.http.JsonText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open Inference Protocol v2 (KServe, Triton, Seldon) for one model: metadata from the
 * signature and {@code infer}. Inputs come either as one tensor per input column (shape [N] or
 * [N, 1], named as in the signature) or as one tensor of shape [N, columns] in signature order.
 * Outputs: the predicted column (FP64 for regression and cluster ids, BYTES labels for classifiers) and, for
 * classifiers, {@code probabilities} of shape [N, classes] in the order of {@code class_labels}.
 */
final class OpenInference {
    static final String PROBABILITIES = "probabilities";

    private OpenInference() {
    }

    static String metadata(LoadedModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("versions", List.of(Integer.toString(m.version())));
        out.put("platform", "osprey");
        List<Object> inputs = new ArrayList<>();
        for (int i = 0; i < m.width(); i++) {
            inputs.add(tensor(m.inputNames()[i], datatype(m.types()[i]), List.of(-1)));
        }
        out.put("inputs", inputs);
        List<Object> outputs = new ArrayList<>();
        outputs.add(tensor(m.signature().output(), m.classifier() ? "BYTES" : "FP64", List.of(-1)));
        if (m.classifier()) {
            outputs.add(tensor(PROBABILITIES, "FP64", List.of(-1, m.classLabels().size())));
        }
        out.put("outputs", outputs);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("algorithm", m.model().algorithm());
        params.put("problem_type", m.signature().problemType().name());
        if (m.classifier()) {
            params.put("class_labels", m.classLabels());
        }
        out.put("parameters", params);
        return Json.write(out);
    }

    private static Map<String, Object> tensor(String name, String datatype, List<Integer> shape) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("datatype", datatype);
        t.put("shape", shape);
        return t;
    }

    static String datatype(ColumnType t) {
        return switch (t) {
            case INTEGER -> "INT64";
            case DECIMAL -> "FP64";
            case BOOLEAN -> "BOOL";
            default -> "BYTES";
        };
    }

    /** The request's id (or null) and its rows. */
    record InferRequest(String id, List<Object[]> rows) {
    }

    static InferRequest parse(String body, LoadedModel m) throws HttpStatusException {
        Object doc;
        try {
            doc = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, "The JSON body is not valid JSON: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new HttpStatusException(400, "The JSON body is nested too deeply.");
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("inputs") instanceof List<?> inputs) || inputs.isEmpty()) {
            throw new HttpStatusException(400, "An inference request is {\"inputs\": [{\"name\": ..., \"shape\": [N],"
                    + " \"datatype\": ..., \"data\": [...]}, ...]} with one tensor per input (" + m.columnList() + ").");
        }
        String id = map.get("id") == null ? null : String.valueOf(map.get("id"));
        List<Map<?, ?>> tensors = new ArrayList<>();
        for (Object t : inputs) {
            if (!(t instanceof Map<?, ?> tm) || !(tm.get("name") instanceof String) || !(tm.get("data") instanceof List<?>)) {
                throw new HttpStatusException(400, "Every input tensor needs a \"name\" and a \"data\" array.");
            }
            tensors.add(tm);
        }
        if (tensors.size() == 1 && m.indexOf((String) tensors.getFirst().get("name")) < 0) {
            return new InferRequest(id, matrix(tensors.getFirst(), m));
        }
        return new InferRequest(id, columns(tensors, m));
    }

    /** One tensor [N, columns], row-major, in signature order. */
    private static List<Object[]> matrix(Map<?, ?> t, LoadedModel m) throws HttpStatusException {
        List<Object> data = flatten((List<?>) t.get("data"));
        if (m.width() == 1 || data.size() % m.width() != 0) {
            throw new HttpStatusException(400, "The input '" + Cells.clip((String) t.get("name")) + "' is not one of the model's"
                    + " inputs (" + m.columnList() + "), and its " + data.size() + " values do not form rows of " + m.width() + ".");
        }
        int n = data.size() / m.width();
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            rows.add(JsonRows.row(data.subList(r * m.width(), (r + 1) * m.width()), m, r + 1));
        }
        return rows;
    }

    private static List<Object[]> columns(List<Map<?, ?>> tensors, LoadedModel m) throws HttpStatusException {
        List<List<Object>> cols = new ArrayList<>();
        for (int c = 0; c < m.width(); c++) {
            cols.add(null);
        }
        for (Map<?, ?> t : tensors) {
            String name = (String) t.get("name");
            int c = m.indexOf(name);
            if (c < 0) {
                throw new HttpStatusException(400, "The input '" + Cells.clip(name) + "' is not one of the model's inputs ("
                        + m.columnList() + ").");
            }
            if (cols.get(c) != null) {
                throw new HttpStatusException(400, "The input '" + name + "' is given twice.");
            }
            cols.set(c, flatten((List<?>) t.get("data")));
        }
        int n = -1;
        for (int c = 0; c < m.width(); c++) {
            if (cols.get(c) == null) {
                throw new HttpStatusException(400, "The input '" + m.inputNames()[c] + "' is missing; the model takes "
                        + m.columnList() + ".");
            }
            if (n >= 0 && cols.get(c).size() != n) {
                throw new HttpStatusException(400, "The input '" + m.inputNames()[c] + "' has " + cols.get(c).size()
                        + " values but '" + m.inputNames()[0] + "' has " + n + "; every input needs one value per row.");
            }
            n = cols.get(c).size();
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[m.width()];
            for (int c = 0; c < row.length; c++) {
                row[c] = Cells.fromJson(cols.get(c).get(r), m, c, r + 1);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Tensor data may be nested by shape ([[4], [5]]) or flat; both read row-major. */
    private static List<Object> flatten(List<?> data) {
        List<Object> out = new ArrayList<>(data.size());
        for (Object o : data) {
            if (o instanceof List<?> inner) {
                out.addAll(flatten(inner));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    static String response(LoadedModel m, String id, List<Prediction> predictions) {
        int n = predictions.size();
        StringBuilder sb = new StringBuilder(128 + 24 * n);
        sb.append("{\"model_name\":");
        JsonText.string(sb, m.name());
        sb.append(",\"model_version\":\"").append(m.version()).append('"');
        if (id != null) {
            sb.append(",\"id\":");
            JsonText.string(sb, id);
        }
        sb.append(",\"outputs\":[{\"name\":");
        JsonText.string(sb, m.signature().output());
        sb.append(",\"datatype\":\"").append(m.classifier() ? "BYTES" : "FP64").append("\",\"shape\":[").append(n).append("],\"data\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Prediction p = predictions.get(i);
            if (m.classifier() && p.label().isPresent()) {
                JsonText.string(sb, p.label().get());
            } else {
                JsonText.number(sb, p.value());
            }
        }
        sb.append("]}");
        if (m.classifier()) {
            int k = m.classLabels().size();
            sb.append(",{\"name\":\"").append(PROBABILITIES).append("\",\"datatype\":\"FP64\",\"shape\":[").append(n).append(',')
                    .append(k).append("],\"data\":[");
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    if (i + c > 0) {
                        sb.append(',');
                    }
                    JsonText.number(sb, predictions.get(i).probabilities().getOrDefault(m.classLabels().get(c), 0.0));
                }
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }
}
