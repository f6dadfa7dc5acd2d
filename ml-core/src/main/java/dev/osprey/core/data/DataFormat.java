package dev.osprey.core.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** File formats Osprey imports. */
public enum DataFormat {
    CSV("CSV", "csv"),
    TSV("TSV", "tsv", "tab"),
    PARQUET("Parquet", "parquet", "pq"),
    JSON("JSON", "json"),
    JSONL("JSON Lines", "jsonl", "ndjson"),
    ARFF("ARFF", "arff");

    private final String label;
    private final String[] extensions;

    DataFormat(String label, String... extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    public String label() {
        return label;
    }

    public String[] extensions() {
        return extensions.clone();
    }

    /** The format a file name suggests (a {@code .gz} suffix is looked through), if any. */
    public static Optional<DataFormat> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1);
        for (DataFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
