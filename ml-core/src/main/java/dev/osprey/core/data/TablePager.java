package dev.osprey.core.data;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages through a table of any size for the data grid, with memory that does not grow with
 * the row count. The table (a dataset's SELECT, or a recipe's) is written once to a Parquet
 * snapshot in a private temporary folder; a page is then the rows whose {@code file_row_number}
 * lies in a range, which DuckDB answers from one row group whatever the depth (10-60 ms at row
 * 9,000,000 of 10M, where {@code OFFSET} on the CSV takes 5.7 s). Sorting and filtering write
 * another snapshot from the first. Until the first snapshot exists, pages are read from the
 * source with LIMIT/OFFSET, so the first rows show at once.
 *
 * <p>It runs its own embedded DuckDB (the SELECTs name files, not tables), with a memory limit
 * and spill folder of its own; closing it removes every snapshot. Thread-safe: each call takes
 * its own connection.
 */
public final class TablePager implements AutoCloseable {
    /**
     * Rows per Parquet row group: a page decodes one or two whole groups, so small groups keep a
     * page read cheap (and the CPU free for the UI while the user flings through the table).
     */
    static final int ROW_GROUP = 8_192;

    private final DuckDBConnection root;
    private final Path dir;
    private final String sourceSql;
    private final List<Column> columns;
    private final long sourceRows;
    private final AtomicInteger serial = new AtomicInteger();
    private final Object baseLock = new Object();
    private volatile PagedView base;
    private volatile boolean closed;

    private TablePager(DuckDBConnection root, Path dir, String sourceSql, List<Column> columns, long sourceRows) {
        this.root = root;
        this.dir = dir;
        this.sourceSql = sourceSql;
        this.columns = List.copyOf(columns);
        this.sourceRows = sourceRows;
    }

    /**
     * A pager over {@code selectSql}, whose result has {@code columns}; {@code knownRows} is its
     * row count when known (a dataset's catalog entry), else -1 to count it now.
     */
    public static TablePager open(String selectSql, List<Column> columns, long knownRows) throws DataException {
        Path dir;
        try {
            dir = Files.createTempDirectory("osprey-grid-");
        } catch (IOException e) {
            throw new DataException("Cannot create a temporary folder for the grid: " + e.getMessage(), e);
        }
        DuckDBConnection c = null;
        try {
            c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = c.createStatement()) {
                st.execute("SET temp_directory = " + Sql.literal(dir.resolve("spill").toString()));
                st.execute("SET memory_limit = '1GB'");
                st.execute("SET enable_progress_bar = true");
                st.execute("SET enable_progress_bar_print = false");
            }
            long rows = knownRows;
            if (rows < 0) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + selectSql + ")")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
            }
            return new TablePager(c, dir, selectSql, columns, rows);
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // nothing more to release
                }
            }
            deleteTree(dir);
            throw new DataException("Cannot read the table for the grid: " + e.getMessage(), e);
        }
    }

    public List<Column> columns() {
        return columns;
    }

    /** The source as it is, read live: available at once, slow to page deep into large CSV files. */
    public PagedView live() {
        PagedView b = base;
        return b != null ? b : new PagedView(GridQuery.NONE, null, sourceRows);
    }

    /** The snapshot of the source, written on first use (seconds for millions of rows). */
    public PagedView base(JobContext ctx) throws DataException {
        PagedView b = base;
        if (b != null) {
            return b;
        }
        synchronized (baseLock) {
            if (base == null) {
                Path file = dir.resolve("base.parquet");
                long rows = copy("(" + sourceSql + ")", GridQuery.NONE, file, ctx);
                base = new PagedView(GridQuery.NONE, file, rows);
            }
            return base;
        }
    }

    /** The rows {@code query} keeps, in its order, written to a new snapshot. */
    public PagedView view(GridQuery query, JobContext ctx) throws DataException {
        if (query.isEmpty()) {
            return base(ctx);
        }
        String from = base != null ? from(base) : "(" + sourceSql + ")";
        Path file = dir.resolve("view-" + serial.incrementAndGet() + ".parquet");
        long rows = copy(from, query, file, ctx);
        return new PagedView(query, file, rows);
    }

    /** Deletes a view's snapshot (not the base); pages still loading from it fail harmlessly. */
    public void release(PagedView view) {
        if (view != null && view.snapshot() != null && !view.equals(base)) {
            try {
                Files.deleteIfExists(view.snapshot());
            } catch (IOException ignored) {
                // removed with the folder on close
            }
        }
    }

    /** Rows {@code from} .. {@code from + count - 1} of {@code view} (fewer at the end); values as in {@link TablePreview}. */
    public List<List<Object>> rows(PagedView view, long from, int count) throws DataException {
        return rows(view, from, count, JobContext.NONE);
    }

    /**
     * As {@link #rows(PagedView, long, int)}, cancelled with {@code ctx}: the grid drops a page the
     * user scrolled away from while it was read (a deep page of a live CSV takes seconds).
     *
     * @throws JobCancelledException when {@code ctx} was cancelled
     */
    public List<List<Object>> rows(PagedView view, long from, int count, JobContext ctx) throws DataException {
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("no rows from " + from + " (" + count + ")");
        }
        String sql = view.isLive()
                ? "SELECT * FROM (" + sourceSql + ") LIMIT " + count + " OFFSET " + from
                : "SELECT * EXCLUDE (file_row_number) FROM read_parquet(" + Sql.literal(view.snapshot().toString())
                  + ", file_row_number = true) WHERE file_row_number >= " + from + " AND file_row_number < "
                  + (from + count) + " ORDER BY file_row_number";
        ctx.checkCancelled();
        try (DuckDBConnection c = connect(); Statement st = c.createStatement()) {
            ctx.onCancel(() -> {
                try {
                    st.cancel();
                } catch (SQLException ignored) {
                    // the statement already ended
                }
            });
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> rows = new ArrayList<>(count);
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(DuckDatasetService.javaValue(rs.getObject(i)));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
                return rows;
            }
        } catch (SQLException e) {
            if (ctx.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new DataException("Cannot read rows " + from + "-" + (from + count) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first row after {@code from} ({@code forward}) or the last before it whose value in
     * any of {@code searchColumns} contains {@code text}, ignoring case; -1 when there is none.
     */
    public long find(PagedView view, String text, List<String> searchColumns, long from, boolean forward)
            throws DataException {
        if (text == null || text.isEmpty() || searchColumns.isEmpty()) {
            return -1;
        }
        String needle = Sql.literal(text.toLowerCase(Locale.ROOT));
        StringBuilder any = new StringBuilder();
        for (String col : searchColumns) {
            any.append(any.isEmpty() ? "" : " OR ").append("contains(lower(CAST(").append(Sql.ident(col))
                    .append(" AS VARCHAR)), ").append(needle).append(')');
        }
        String rows = view.isLive()
                ? "(SELECT row_number() OVER () - 1 AS file_row_number, * FROM (" + sourceSql + "))"
                : "read_parquet(" + Sql.literal(view.snapshot().toString()) + ", file_row_number = true)";
        String sql = "SELECT file_row_number FROM " + rows + " WHERE file_row_number " + (forward ? "> " : "< ") + from
                     + " AND (" + any + ") ORDER BY file_row_number " + (forward ? "ASC" : "DESC") + " LIMIT 1";
        try (DuckDBConnection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new DataException("Cannot search the rows: " + e.getMessage(), e);
        }
    }

    /** Every column's summary over {@code view} (its snapshot, or the source when live). */
    public List<ColumnSummary> summarize(PagedView view, JobContext ctx) throws DataException {
        try (DuckDBConnection c = connect()) {
            return ColumnSummaries.compute(c, from(view), columns, ctx);
        } catch (SQLException e) {
            if (ctx.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new DataException("Cannot summarise the columns: " + e.getMessage(), e);
        }
    }

    private String from(PagedView view) {
        return view.isLive() ? "(" + sourceSql + ")" : "read_parquet(" + Sql.literal(view.snapshot().toString()) + ")";
    }

    private long copy(String from, GridQuery query, Path file, JobContext ctx) throws DataException {
        String select;
        try {
            select = query.sql(from, columns);
        } catch (IllegalArgumentException e) {
            throw new DataException(e.getMessage(), e);
        }
        String sql = "COPY (" + select + ") TO " + Sql.literal(file.toString())
                     + " (FORMAT parquet, ROW_GROUP_SIZE " + ROW_GROUP + ")";
        try (DuckDBConnection c = connect()) {
            execute(c, sql, ctx);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(file.toString()) + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // removed with the folder on close
            }
            if (ctx.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new DataException("Cannot prepare the rows for the grid: " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows, reporting DuckDB's progress and cancelled with the job. */
    private static void execute(DuckDBConnection c, String sql, JobContext ctx) throws SQLException {
        ctx.checkCancelled();
        try (PreparedStatement prepared = c.prepareStatement(sql)) {
            DuckDBPreparedStatement ps = prepared.unwrap(DuckDBPreparedStatement.class);
            AtomicBoolean running = new AtomicBoolean(true);
            ctx.onCancel(() -> {
                if (running.get()) {
                    try {
                        ps.cancel();
                    } catch (SQLException ignored) {
                        // already ended
                    }
                }
            });
            Thread poller = Thread.ofVirtual().start(() -> {
                try {
                    while (running.get()) {
                        Thread.sleep(200);
                        double pct = ps.getQueryProgress().getPercentage();
                        if (running.get() && pct >= 0) {
                            ctx.progress(Math.min(1, pct / 100), "Reading rows");
                        }
                    }
                } catch (InterruptedException | SQLException | RuntimeException ignored) {
                    // progress is best effort
                }
            });
            try {
                ps.execute();
            } finally {
                running.set(false);
                poller.interrupt();
            }
        }
    }

    private synchronized DuckDBConnection connect() throws SQLException {
        if (closed) {
            throw new SQLException("the grid was closed");
        }
        return root.duplicate();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            root.close();
        } catch (SQLException ignored) {
            // nothing to recover when closing
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover folder in the system temp dir is harmless
        }
    }
}
