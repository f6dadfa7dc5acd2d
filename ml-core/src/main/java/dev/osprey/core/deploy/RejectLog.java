package dev.osprey.core.deploy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows the scorer rejected, spooled to a temporary file while the scan runs (there may be
 * millions), then merged with the lines the CSV reader refused into {@code <output>.rejected.csv}
 * with columns {@code line,reason}. A refused line is absent from the rows DuckDB returns, so a
 * scored row's file line is its position plus the header plus the refused lines before it
 * (exact for files with one record per line; for Parquet and JSON it is the row number).
 */
final class RejectLog implements AutoCloseable {
    private final BufferedWriter out;

    RejectLog(Path spool) throws IOException {
        this.out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
    }

    /** Spools {@code r} with {@code ordinal} (its file line, or for Parquet and JSON its row number). */
    void add(long ordinal, BatchScorer.Rejected r) throws IOException {
        out.write(Long.toString(ordinal));
        out.write('\t');
        out.write(r.reason().replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static void merge(Path spool, List<BatchSource.RejectedLine> refused, long firstLine, Writer w) throws IOException {
        w.write("line,reason\n");
        int k = 0;
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String s;
            while ((s = in.readLine()) != null) {
                int tab = s.indexOf('\t');
                long ordinal = Long.parseLong(s.substring(0, tab));
                long line = ordinal + firstLine + k;
                while (k < refused.size() && refused.get(k).line() <= line) {
                    write(w, refused.get(k).line(), refused.get(k).reason());
                    k++;
                    line++;
                }
                write(w, line, s.substring(tab + 1));
            }
        }
        for (; k < refused.size(); k++) {
            write(w, refused.get(k).line(), refused.get(k).reason());
        }
    }

    private static void write(Writer w, long line, String reason) throws IOException {
        StringBuilder sb = new StringBuilder().append(line).append(',');
        Csv.append(sb, reason);
        w.write(sb.append('\n').toString());
    }
}
