package dev.osprey.core.data;

import java.util.OptionalLong;

/**
 * A file that cannot be imported. The message says what was wrong; {@link #line()} says where,
 * when it is known (1-based, counting the header).
 */
public final class ImportException extends DataException {
    private final long line;

    public ImportException(String message) {
        this(message, -1, null);
    }

    public ImportException(String message, long line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
