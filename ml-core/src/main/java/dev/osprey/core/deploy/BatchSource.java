package dev.osprey.core.deploy;

import dev.osprey.core.data.DataFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads the rows of a Parquet or JSON batch input (CSV and TSV go through {@link CsvInput}; this
 * reader still reads them when asked) through its own in-memory DuckDB, streamed (the JDBC driver
 * otherwise materialises the whole result), in chunks, in file order. CSV is read as text so a
 * value of the wrong type rejects its row instead of stopping the scan; a line DuckDB cannot
 * split into the header's columns is kept in a rejects table with its line number.
 */
final class BatchSource implements BatchInput {
    /** A line the CSV reader refused (too few or too many fields, bad quoting). */
    record RejectedLine(long line, String reason) {
    }

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final DataFormat format;
    private final List<String> columns;
    private final boolean text;
    private final long fileBytes;
    private long read;
    private double bytesPerRow = -1;

    private BatchSource(Connection connection, Statement statement, ResultSet rows, DataFormat format, boolean text,
                        long fileBytes) throws SQLException {
        this.fileBytes = fileBytes;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.format = format;
        this.text = text;
        ResultSetMetaData md = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            names.add(md.getColumnName(i));
        }
        this.columns = List.copyOf(names);
    }

    static DataFormat formatOf(Path input) throws BatchException {
        DataFormat f = DataFormat.fromFileName(input).orElseThrow(() -> new BatchException(
                input.getFileName() + " is not a CSV, TSV, Parquet, JSON Lines or JSON file (by its extension)."));
        if (f == DataFormat.ARFF) {
            throw new BatchException("Batch transform reads CSV, TSV, Parquet, JSON Lines and JSON; " + input.getFileName()
                    + " is ARFF (import it as a dataset first).");
        }
        return f;
    }

    static BatchSource open(Path input) throws BatchException {
        if (!Files.isRegularFile(input)) {
            throw new BatchException(Files.exists(input) ? input + " is not a file." : "There is no file " + input + ".");
        }
        DataFormat format = formatOf(input);
        Properties props = new Properties();
        props.setProperty("jdbc_stream_results", "true");
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:duckdb:", props);
            Statement st = c.createStatement();
            boolean text = format == DataFormat.CSV || format == DataFormat.TSV;
            ResultSet rs = st.executeQuery("SELECT * FROM " + reader(input, format));
            return new BatchSource(c, st, rs, format, text, Files.size(input));
        } catch (SQLException | java.io.IOException e) {
            closeQuietly(c);
            throw new BatchException("Cannot read " + input.getFileName() + " as " + format.label() + ": " + firstLine(e), e);
        }
    }

    private static String reader(Path input, DataFormat format) {
        String path = literal(input.toAbsolutePath().toString());
        return switch (format) {
            case CSV, TSV -> "read_csv(" + path + ", header = true, all_varchar = true, store_rejects = true"
                    + (format == DataFormat.TSV ? ", delim = '\\t'" : "") + ")";
            case PARQUET -> "read_parquet(" + path + ")";
            case JSONL -> "read_json(" + path + ", format = 'newline_delimited')";
            case JSON -> "read_json(" + path + ", format = 'auto')";
            case ARFF -> throw new IllegalStateException("ARFF is refused before");
        };
    }

    DataFormat format() {
        return format;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public java.util.concurrent.Callable<BatchScorer.Chunk> next(BatchScorer scorer) throws SQLException {
        Object[][] chunk = next(BatchTransform.CHUNK_ROWS);
        if (chunk.length == 0) {
            return null;
        }
        if (bytesPerRow < 0) {
            bytesPerRow = bytesPerRow(chunk);
        }
        long first = read;
        read += chunk.length;
        return () -> scorer.score(chunk, first);
    }

    @Override
    public double fraction() {
        return fileBytes > 0 ? Math.min(0.99, read * bytesPerRow / fileBytes) : -1;
    }

    // The first chunk's text size per row estimates progress through the file without a counting pass.
    private static double bytesPerRow(Object[][] rows) {
        long chars = 0;
        for (Object[] row : rows) {
            for (Object v : row) {
                chars += (v == null ? 0 : v.toString().length()) + 1;
            }
        }
        return Math.max(1, (double) chars / rows.length);
    }

    /** Whether line numbers are file lines (text formats with one row per line) rather than row numbers. */
    @Override
    public long firstLine() {
        return switch (format) {
            case CSV, TSV -> 2;
            default -> 1;
        };
    }

    /** Up to {@code max} rows (each all columns, file order); an empty array at the end. */
    Object[][] next(int max) throws SQLException {
        List<Object[]> out = new ArrayList<>(Math.min(max, 4096));
        int n = columns.size();
        while (out.size() < max && rows.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = text ? rows.getString(i + 1) : value(rows.getObject(i + 1));
            }
            out.add(row);
        }
        return out.toArray(new Object[0][]);
    }

    /** The lines the CSV reader refused, in line order (call after the last chunk). */
    @Override
    public List<RejectedLine> refusedLines() throws SQLException {
        if (!text) {
            return List.of();
        }
        List<RejectedLine> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT line, min(error_message) FROM reject_errors GROUP BY line ORDER BY line")) {
            while (rs.next()) {
                out.add(new RejectedLine(rs.getLong(1), firstLine(rs.getString(2))));
            }
        }
        return out;
    }

    /** Stops a scan in progress (from a cancel hook, on another thread). */
    @Override
    public void cancel() {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the polled cancel flag still stops the loop at the next chunk
        }
    }

    // Values as the model's encoder knows them: java.time types instead of java.sql ones.
    private static Object value(Object v) {
        return switch (v) {
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            case OffsetDateTime t -> t.toInstant();
            case java.math.BigDecimal b -> b.doubleValue();
            case java.math.BigInteger b -> b.doubleValue();
            case null, default -> v;
        };
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return firstLine(m);
    }

    private static String firstLine(String m) {
        String s = m == null ? "" : m.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    private static String literal(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing after a failure
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(rows);
        closeQuietly(statement);
        closeQuietly(connection);
    }

    @Override
    public String toString() {
        return format.label().toLowerCase(Locale.ROOT) + " source " + columns;
    }
}
