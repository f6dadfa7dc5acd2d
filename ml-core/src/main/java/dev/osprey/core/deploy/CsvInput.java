package dev.osprey.core.deploy;

import dev.osprey.core.data.DataFormat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The fast reader for CSV and TSV batch inputs. Reading a row through DuckDB's JDBC result set
 * costs about a microsecond, ten times a linear model's predict, so text files skip DuckDB: this
 * reader only cuts the file into blocks of whole records (at the last line break when the block
 * holds no quote, a test made eight bytes at a time; else quote-aware, so a quoted field may hold
 * the delimiter or a line break); the scoring threads split the fields, count the lines and parse
 * numbers straight from the bytes ({@link CsvBlock}). Memory stays at a few blocks whatever
 * the file's size. RFC 4180 text: a header line, {@code "} quoting with {@code ""} escapes, LF or
 * CRLF line ends, an optional UTF-8 byte-order mark; the delimiter of a {@code .csv} file is
 * sniffed from the header (comma, semicolon, tab or bar), a {@code .tsv} file's is a tab.
 */
final class CsvInput implements BatchInput {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] SNIFFED = {',', ';', '\t', '|'};
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final long fileBytes;
    private final int blockBytes;
    private final byte delimiter;
    private final List<String> columns;
    /** Blocks come back here once scored, for later reads. */
    private final ByteArrays blocks = new ByteArrays(16);
    private byte[] pending = new byte[0];
    private int pendingLength;
    private long consumed;
    private boolean eof;

    private CsvInput(InputStream in, long fileBytes, int blockBytes, byte delimiter, List<String> columns, byte[] rest,
                     int restLength, long consumed) {
        this.in = in;
        this.fileBytes = fileBytes;
        this.blockBytes = blockBytes;
        this.delimiter = delimiter;
        this.columns = columns;
        this.pending = rest;
        this.pendingLength = restLength;
        this.consumed = consumed;
    }

    /** Opens {@code file} and reads its header; {@code blockBytes} is the size of the blocks handed to the scorers. */
    static CsvInput open(Path file, DataFormat format, int blockBytes) throws IOException, BatchException {
        InputStream in = new FileInputStream(file.toFile()); // not an interruptible channel: a cancel must not close it under us
        try {
            long size = Files.size(file);
            byte[] head = new byte[Math.max(blockBytes, 64 * 1024)];
            int n = in.readNBytes(head, 0, head.length);
            int start = n >= 3 && Arrays.equals(head, 0, 3, BOM, 0, 3) ? 3 : 0;
            int end = headerEnd(head, start, n);
            while (end < 0 && n == head.length) { // a header longer than the first read
                head = Arrays.copyOf(head, head.length * 2);
                n += in.readNBytes(head, n, head.length - n);
                end = headerEnd(head, start, n);
            }
            if (n - start <= 0) {
                throw new BatchException(file.getFileName() + " is empty; a batch input starts with a header line naming its columns.");
            }
            int headerStop = end < 0 ? n : end;
            byte delimiter = format == DataFormat.TSV ? (byte) '\t' : sniff(head, start, headerStop);
            List<String> columns = header(head, start, headerStop, delimiter, file);
            int restStart = end < 0 ? n : afterLineEnd(head, end, n);
            byte[] rest = Arrays.copyOfRange(head, restStart, n);
            return new CsvInput(in, size, blockBytes, delimiter, columns, rest, rest.length, restStart);
        } catch (IOException | BatchException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Callable<BatchScorer.Chunk> next(BatchScorer scorer) throws IOException {
        CsvBlock block = next();
        if (block == null) {
            return null;
        }
        return () -> {
            try {
                return scorer.scoreCsv(block);
            } finally {
                blocks.give(block.data()); // the chunk holds no reference into the block
            }
        };
    }

    @Override
    public void cancel() {
        // the job thread polls the cancel flag between blocks; a block read takes milliseconds
    }

    /** None: a record with the wrong number of fields is rejected by the scorer, with its line. */
    @Override
    public List<BatchSource.RejectedLine> refusedLines() {
        return List.of();
    }

    /** 0: the scorer's rejected rows already carry their file line. */
    @Override
    public long firstLine() {
        return 0;
    }

    byte delimiter() {
        return delimiter;
    }

    /** How far through the file the blocks handed out so far reach, 0-1. */
    @Override
    public double fraction() {
        return fileBytes <= 0 ? -1 : Math.min(1, (double) consumed / fileBytes);
    }

    /**
     * The next block of whole records, or null at the end of the file. The last record may end
     * without a line break; a quote left open at the end of the file closes there.
     */
    CsvBlock next() throws IOException {
        while (true) {
            if (pendingLength == 0 && eof) {
                return null;
            }
            if (!eof && pendingLength < blockBytes) {
                fill();
                continue;
            }
            int cut = lastLineEnd(pending, pendingLength);
            if (cut == 0 || !quoteFree(pending, 0, cut)) {
                cut = lastRecordEnd(pending, pendingLength, delimiter); // a quoted field may hold a line break
            }
            if (eof && cut < pendingLength) {
                cut = pendingLength; // the last record, without a line break
            }
            if (cut <= 0) {
                // One record longer than a block: grow until it ends.
                pending = Arrays.copyOf(pending, pending.length * 2);
                fillMore();
                continue;
            }
            // The block keeps the read buffer; only the partial record after the cut moves to a new one.
            byte[] data = pending;
            int left = pendingLength - cut;
            pending = blocks.take(Math.max(blockBytes, left) + blockBytes / 4);
            System.arraycopy(data, cut, pending, 0, left);
            pendingLength = left;
            consumed += cut;
            // Lines are counted by the scorer as it splits the records: the writer adds up each block's count.
            return new CsvBlock(data, cut, 0, delimiter, columns.size());
        }
    }

    private void fill() throws IOException {
        if (pending.length < blockBytes + blockBytes / 4) {
            pending = Arrays.copyOf(pending, blockBytes + blockBytes / 4);
        }
        fillMore();
    }

    private void fillMore() throws IOException {
        int n = in.readNBytes(pending, pendingLength, pending.length - pendingLength);
        pendingLength += n;
        if (pendingLength < pending.length) {
            eof = true;
        }
    }

    /** Just after the last line break in {@code b[0, len)}, 0 if none. */
    private static int lastLineEnd(byte[] b, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Whether {@code b[from, to)} holds no quote, eight bytes at a time: then every line break in it
     * ends a record, and the cut needs no quote-aware pass over the block.
     */
    static boolean quoteFree(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONG_LE.get(b, i) ^ 0x2222_2222_2222_2222L; // a quote byte becomes zero
            if (((x - 0x0101_0101_0101_0101L) & ~x & 0x8080_8080_8080_8080L) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (b[i] == '"') {
                return false;
            }
        }
        return true;
    }

    /** The end (exclusive) of the last whole record in {@code b[0, len)}: just after its line break outside quotes, 0 if none. */
    private static int lastRecordEnd(byte[] b, int len, byte delimiter) {
        // The same quoting rule as CsvBlock's parser: a quote opens only at the start of a field, "" inside is a quote.
        boolean quoted = false;
        boolean fieldStart = true;
        int last = 0;
        for (int i = 0; i < len; i++) {
            byte c = b[i];
            if (c == '\n') {
                if (!quoted) {
                    last = i + 1;
                    fieldStart = true;
                }
            } else if (quoted) {
                if (c == '"') {
                    if (i + 1 < len && b[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = c == delimiter;
            }
        }
        return last;
    }

    /** Index of the header's line break (outside quotes), or -1 when {@code b[start, n)} holds none. */
    private static int headerEnd(byte[] b, int start, int n) {
        boolean quoted = false;
        for (int i = start; i < n; i++) {
            if (b[i] == '"') {
                quoted = !quoted;
            } else if (b[i] == '\n' && !quoted) {
                return i > start && b[i - 1] == '\r' ? i - 1 : i;
            }
        }
        return -1;
    }

    private static int afterLineEnd(byte[] b, int end, int n) {
        int i = end;
        if (i < n && b[i] == '\r') {
            i++;
        }
        return i < n && b[i] == '\n' ? i + 1 : i;
    }

    /** The candidate that splits the header into the most fields (a comma when none does). */
    private static byte sniff(byte[] b, int start, int end) {
        byte best = ',';
        int bestCount = 0;
        for (byte d : SNIFFED) {
            int count = 0;
            boolean quoted = false;
            for (int i = start; i < end; i++) {
                if (b[i] == '"') {
                    quoted = !quoted;
                } else if (b[i] == d && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> header(byte[] b, int start, int end, byte delimiter, Path file) throws BatchException {
        CsvBlock line = new CsvBlock(Arrays.copyOfRange(b, start, end), end - start, 1, delimiter, -1);
        List<String> names = new ArrayList<>();
        CsvBlock.Cursor c = line.cursor();
        if (c.nextRecord()) {
            for (int f = 0; f < c.fieldCount(); f++) {
                names.add(c.text(f).strip());
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).isEmpty() ? "column" + i : names.get(i);
            String unique = name;
            for (int k = 1; !seen.add(unique); k++) {
                unique = name + "_" + k; // as DuckDB names a repeated header
            }
            names.set(i, unique);
        }
        if (names.isEmpty()) {
            throw new BatchException(file.getFileName() + " has an empty header line; it must name the columns.");
        }
        return List.copyOf(names);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // a file opened for reading: nothing is lost
        }
    }

    @Override
    public String toString() {
        return "csv input " + columns + " delimited by '" + new String(new byte[] {delimiter}, StandardCharsets.US_ASCII) + "'";
    }
}
