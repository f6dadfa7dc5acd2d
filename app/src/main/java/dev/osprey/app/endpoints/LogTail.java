package dev.osprey.app.endpoints;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a server's log, for the message of a failed endpoint. */
final class LogTail {
    private static final int BYTES = 8 * 1024;
    private static final int LINES = 15;

    private LogTail() {
    }

    /** "\n\nLast lines of the log (FILE):\n..." or empty when there is no log to read. */
    static String of(Path log) {
        if (log == null) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - BYTES);
            byte[] buf = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(buf);
            List<String> lines = Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\\R"));
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return tail.isEmpty() ? "" : "\n\nLast lines of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "";
        }
    }
}
