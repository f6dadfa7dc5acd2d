package dev.osprey.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * A look at the first bytes of a file before DuckDB reads it: is it empty, is it text at all,
 * what format does its content suggest. Catches the cases where DuckDB's own message would be
 * cryptic (an image, a ZIP, a file of zeros).
 */
final class FileProbe {
    static final int HEAD_BYTES = 64 * 1024;

    private final byte[] head;
    private final boolean gzip;

    private FileProbe(byte[] head, boolean gzip) {
        this.head = head;
        this.gzip = gzip;
    }

    static FileProbe of(Path file) throws IOException, ImportException {
        boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            return new FileProbe(in.readNBytes(HEAD_BYTES), gz);
        } catch (java.util.zip.ZipException e) {
            throw new ImportException("The file ends in .gz but is not gzip-compressed: " + e.getMessage());
        }
    }

    boolean gzip() {
        return gzip;
    }

    /** True when the file has nothing but white space. */
    boolean isBlank() {
        for (byte b : head) {
            if (!Character.isWhitespace(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    boolean isParquet() {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    /** Refuses content that is plainly not a text table (or, for Parquet, not Parquet). */
    void checkReadableAs(DataFormat format) throws ImportException {
        if (format == DataFormat.PARQUET) {
            if (!isParquet()) {
                throw new ImportException("This is not a Parquet file (it does not start with the Parquet marker 'PAR1').");
            }
            return;
        }
        Optional<String> known = knownBinary();
        if (known.isPresent()) {
            throw new ImportException("This is " + known.get() + ", not a table of data. Choose a CSV, TSV, Parquet, JSON or ARFF file.");
        }
        if (isParquet()) {
            throw new ImportException("This is a Parquet file; import it as Parquet, not " + format.label() + ".");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportException("This is a binary file, not " + format.label()
                        + " text (it contains zero bytes). If it is UTF-16 text, save it as UTF-8 first.");
            }
        }
    }

    private Optional<String> knownBinary() {
        if (startsWith(0x89, 'P', 'N', 'G')) {
            return Optional.of("a PNG image");
        }
        if (startsWith(0xFF, 0xD8, 0xFF)) {
            return Optional.of("a JPEG image");
        }
        if (startsWith('G', 'I', 'F', '8')) {
            return Optional.of("a GIF image");
        }
        if (startsWith('%', 'P', 'D', 'F')) {
            return Optional.of("a PDF document");
        }
        if (startsWith('P', 'K', 3, 4)) {
            return Optional.of("a ZIP archive (an Excel workbook is one too: save it as CSV first)");
        }
        if (startsWith(0x1F, 0x8B)) {
            return Optional.of("gzip-compressed data without a .gz ending");
        }
        return Optional.empty();
    }

    private boolean startsWith(int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The head as text (a cut multi-byte character at the end is harmless here). */
    String text() {
        String s = new String(head, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The first line that is not blank. */
    String firstLine() {
        for (String line : text().split("\r?\n|\r", -1)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    /** The format the content suggests, for files whose name says nothing. */
    Optional<DataFormat> guessFormat() {
        if (isParquet()) {
            return Optional.of(DataFormat.PARQUET);
        }
        String t = text().stripLeading();
        if (t.startsWith("[")) {
            return Optional.of(DataFormat.JSON);
        }
        if (t.startsWith("{")) {
            return Optional.of(looksLikeJsonLines(t) ? DataFormat.JSONL : DataFormat.JSON);
        }
        for (String line : t.split("\r?\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("%")) {
                continue;
            }
            if (l.toLowerCase(Locale.ROOT).startsWith("@relation")) {
                return Optional.of(DataFormat.ARFF);
            }
            break;
        }
        String first = firstLine();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(count(first, '\t') > count(first, ',') ? DataFormat.TSV : DataFormat.CSV);
    }

    private static boolean looksLikeJsonLines(String t) {
        String[] lines = t.split("\r?\n");
        int complete = Math.max(1, lines.length - 1); // the last line may be cut by the probe
        for (int i = 0; i < complete; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !(l.startsWith("{") && l.endsWith("}"))) {
                return false;
            }
        }
        return true;
    }

    static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
