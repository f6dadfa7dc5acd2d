package dev.osprey.core.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to import: a file, the dataset name (derived from the file name when null), the format
 * (detected from the file name when null) and whether to copy it into the workspace or link it.
 */
public record ImportRequest(Path source, String name, DataFormat format, StorageMode mode) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{0,99}");

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        mode = mode == null ? StorageMode.COPY : mode;
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable dataset name: start with a letter, then use"
                    + " letters, digits, '_' or '-' (at most 100 characters).");
        }
    }

    public static ImportRequest of(Path source) {
        return new ImportRequest(source, null, null, StorageMode.COPY);
    }

    /** The name the dataset gets: the given one, or the file name made into a valid name. */
    public String effectiveName() {
        if (name != null) {
            return name;
        }
        return nameFromFile(source);
    }

    public Optional<DataFormat> explicitFormat() {
        return Optional.ofNullable(format);
    }

    static String nameFromFile(Path file) {
        String base = file.getFileName().toString();
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String cleaned = base.replaceAll("[^A-Za-z0-9_\\-]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "data_" + cleaned;
        }
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }
}
