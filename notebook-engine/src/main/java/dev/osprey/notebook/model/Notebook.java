package dev.osprey.notebook.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An nbformat 4 notebook: cells and notebook metadata (kernelspec, language_info and anything
 * else another tool put there, kept as is). Read and written by {@link Notebooks}.
 */
public record Notebook(List<Cell> cells, Map<String, Object> metadata, int nbformat, int nbformatMinor) {
    public static final int FORMAT = 4;
    public static final int FORMAT_MINOR = 5;
    public static final String KERNEL_NAME = "osprey-java";

    public Notebook {
        cells = List.copyOf(cells);
        metadata = Cell.copy(metadata);
        if (nbformat != FORMAT) {
            throw new IllegalArgumentException("only nbformat 4 notebooks are supported, not " + nbformat);
        }
    }

    /** An empty notebook for Osprey's Java kernel. */
    public static Notebook create(List<Cell> cells) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("kernelspec", kernelspec());
        meta.put("language_info", languageInfo());
        return new Notebook(cells, meta, FORMAT, FORMAT_MINOR);
    }

    public static Map<String, Object> kernelspec() {
        return Map.of("name", KERNEL_NAME, "display_name", "Java (Osprey)", "language", "java");
    }

    public static Map<String, Object> languageInfo() {
        return Map.of("name", "java", "file_extension", ".jshell", "mimetype", "text/x-java-source",
                "version", Runtime.version().feature() + "");
    }

    /** A fresh nbformat 4.5 cell id. */
    public static String newCellId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public Notebook withCells(List<Cell> newCells) {
        return new Notebook(newCells, metadata, nbformat, nbformatMinor);
    }

    public Notebook withMetadata(Map<String, Object> newMetadata) {
        return new Notebook(cells, newMetadata, nbformat, nbformatMinor);
    }

    /** The code cells' indexes in {@link #cells()}, in order. */
    public List<Integer> codeCellIndexes() {
        return java.util.stream.IntStream.range(0, cells.size()).filter(i -> cells.get(i) instanceof Cell.Code).boxed().toList();
    }
}
