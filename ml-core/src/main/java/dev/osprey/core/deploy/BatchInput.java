package dev.osprey.core.deploy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A batch input as the transform pumps it: the job thread takes one chunk's scoring task at a
 * time (reading only as much as that chunk needs) and hands it to a scoring thread. Two readers:
 * {@link CsvInput} for CSV and TSV (bytes, parsed on the scoring threads) and {@link BatchSource}
 * (DuckDB) for Parquet and JSON.
 */
interface BatchInput extends AutoCloseable {
    List<String> columns();

    /** The next chunk's scoring task, or null at the end of the input. */
    Callable<BatchScorer.Chunk> next(BatchScorer scorer) throws IOException, SQLException;

    /** How far through the input the chunks handed out so far reach, 0-1 (-1 when unknown). */
    double fraction();

    /** Stops a read in progress (from a cancel hook, on another thread). */
    void cancel();

    /** Records the reader itself refused (file lines), after the last chunk. */
    List<BatchSource.RejectedLine> refusedLines() throws SQLException;

    /**
     * What turns a rejected row's ordinal into its line for the side file: its first data line
     * (ordinals count rows), or 0 when the reader's ordinals already are file lines.
     */
    long firstLine();

    @Override
    void close();
}
