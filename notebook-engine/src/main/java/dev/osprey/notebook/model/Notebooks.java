package dev.osprey.notebook.model;

import dev.osprey.core.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes .ipynb files in nbformat 4 as Jupyter does: multi-line text as arrays of lines,
 * sorted keys, one-space indent. Reading accepts a string or a list of lines wherever nbformat
 * does, gives older 4.x cells ids (and then writes 4.5), and keeps metadata it does not know.
 */
public final class Notebooks {
    private Notebooks() {
    }

    public static Notebook read(Path file) throws IOException, NotebookFormatException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NotebookFormatException e) {
            throw new NotebookFormatException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Saves atomically: a crash leaves the old file or the new one, never half of one. */
    public static void write(Path file, Notebook notebook) throws IOException {
        AtomicFiles.writeString(file, toJson(notebook));
    }

    public static Notebook parse(String json) throws NotebookFormatException {
        if (!(Json.parse(json) instanceof Map<?, ?> root)) {
            throw new NotebookFormatException("a notebook is a JSON object");
        }
        int format = intOf(root.get("nbformat"), "nbformat");
        if (format != Notebook.FORMAT) {
            throw new NotebookFormatException("this is an nbformat " + format + " notebook; only nbformat 4 is supported");
        }
        int minor = root.get("nbformat_minor") == null ? 0 : intOf(root.get("nbformat_minor"), "nbformat_minor");
        if (!(root.get("cells") instanceof List<?> rawCells)) {
            throw new NotebookFormatException("the notebook has no \"cells\" list");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rawCells.size(); i++) {
            try {
                Cell c = cell(map(rawCells.get(i), "cell"), ids);
                ids.add(c.id());
                cells.add(c);
            } catch (NotebookFormatException | IllegalArgumentException | ClassCastException e) {
                throw new NotebookFormatException("cell " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Notebook(cells, map(root.get("metadata"), "metadata"), format, Math.max(minor, Notebook.FORMAT_MINOR));
    }

    public static String toJson(Notebook nb) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> cells = new ArrayList<>();
        for (Cell c : nb.cells()) {
            cells.add(cellJson(c));
        }
        root.put("cells", cells);
        root.put("metadata", nb.metadata());
        root.put("nbformat", nb.nbformat());
        root.put("nbformat_minor", nb.nbformatMinor());
        return Json.write(root);
    }

    private static Cell cell(Map<String, Object> c, Set<String> taken) throws NotebookFormatException {
        String id = c.get("id") instanceof String s && !s.isEmpty() ? s : null;
        if (id == null || taken.contains(id)) {
            id = Notebook.newCellId(); // 4.0-4.4 cells have none; duplicates must not survive
        }
        String source = text(c.get("source"));
        Map<String, Object> metadata = map(c.get("metadata"), "metadata");
        String type = String.valueOf(c.get("cell_type"));
        return switch (type) {
            case "code" -> {
                List<Output> outputs = new ArrayList<>();
                if (c.get("outputs") instanceof List<?> list) {
                    for (Object o : list) {
                        outputs.add(output(map(o, "output")));
                    }
                }
                Integer count = c.get("execution_count") == null ? null : intOf(c.get("execution_count"), "execution_count");
                yield new Cell.Code(id, source, metadata, outputs, count);
            }
            case "markdown" -> new Cell.Markdown(id, source, metadata, map(c.get("attachments"), "attachments"));
            case "raw" -> new Cell.Raw(id, source, metadata, map(c.get("attachments"), "attachments"));
            default -> throw new NotebookFormatException("unknown cell_type '" + type + "'");
        };
    }

    private static Output output(Map<String, Object> o) throws NotebookFormatException {
        String type = String.valueOf(o.get("output_type"));
        return switch (type) {
            case "stream" -> new Output.Stream(String.valueOf(o.get("name")), text(o.get("text")));
            case "display_data" -> new Output.DisplayData(mimeData(map(o.get("data"), "data")), map(o.get("metadata"), "metadata"));
            case "execute_result" -> new Output.ExecuteResult(o.get("execution_count") == null ? 0 : intOf(o.get("execution_count"), "execution_count"),
                    mimeData(map(o.get("data"), "data")), map(o.get("metadata"), "metadata"));
            case "error" -> {
                List<String> tb = new ArrayList<>();
                if (o.get("traceback") instanceof List<?> l) {
                    l.forEach(x -> tb.add(String.valueOf(x)));
                }
                yield new Output.Error(String.valueOf(o.get("ename")), o.get("evalue") == null ? "" : String.valueOf(o.get("evalue")), tb);
            }
            default -> throw new NotebookFormatException("unknown output_type '" + type + "'");
        };
    }

    private static Map<String, Object> cellJson(Cell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("metadata", c.metadata());
        m.put("source", lines(c.source()));
        switch (c) {
            case Cell.Code code -> {
                m.put("cell_type", "code");
                m.put("execution_count", code.executionCount());
                List<Object> outs = new ArrayList<>();
                code.outputs().forEach(o -> outs.add(outputJson(o)));
                m.put("outputs", outs);
            }
            case Cell.Markdown md -> {
                m.put("cell_type", "markdown");
                if (!md.attachments().isEmpty()) {
                    m.put("attachments", md.attachments());
                }
            }
            case Cell.Raw raw -> {
                m.put("cell_type", "raw");
                if (!raw.attachments().isEmpty()) {
                    m.put("attachments", raw.attachments());
                }
            }
        }
        return m;
    }

    private static Map<String, Object> outputJson(Output o) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (o) {
            case Output.Stream s -> {
                m.put("output_type", "stream");
                m.put("name", s.name());
                m.put("text", lines(s.text()));
            }
            case Output.DisplayData d -> {
                m.put("output_type", "display_data");
                m.put("data", mimeJson(d.data()));
                m.put("metadata", d.metadata());
            }
            case Output.ExecuteResult r -> {
                m.put("output_type", "execute_result");
                m.put("execution_count", r.executionCount());
                m.put("data", mimeJson(r.data()));
                m.put("metadata", r.metadata());
            }
            case Output.Error e -> {
                m.put("output_type", "error");
                m.put("ename", e.ename());
                m.put("evalue", e.evalue());
                m.put("traceback", e.traceback());
            }
        }
        return m;
    }

    /** Text mime types are stored as lists of lines, as nbformat splits them; JSON and images stay whole. */
    private static Map<String, Object> mimeJson(Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        data.forEach((k, v) -> m.put(k, v instanceof String s && splits(k) ? lines(s) : v));
        return m;
    }

    private static Map<String, Object> mimeData(Map<String, Object> data) throws NotebookFormatException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : data.entrySet()) {
            m.put(e.getKey(), e.getValue() instanceof List<?> && !isJsonMime(e.getKey()) ? text(e.getValue()) : e.getValue());
        }
        return m;
    }

    private static boolean splits(String mime) {
        return mime.startsWith("text/") || mime.equals("application/javascript") || mime.equals("image/svg+xml");
    }

    private static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /** "a\nb" to ["a\n", "b"], the way Python's splitlines(keepends=True) does for "\n". */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static String text(Object v) throws NotebookFormatException {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object part : l) {
                if (!(part instanceof String s)) {
                    throw new NotebookFormatException("expected text, found " + part);
                }
                sb.append(s);
            }
            return sb.toString();
        }
        throw new NotebookFormatException("expected text, found " + v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String what) throws NotebookFormatException {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new NotebookFormatException("\"" + what + "\" must be a JSON object");
    }

    private static int intOf(Object v, String what) throws NotebookFormatException {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw new NotebookFormatException("\"" + what + "\" must be a whole number, not " + v);
    }
}
