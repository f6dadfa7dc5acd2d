package dev.osprey.core.data;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Workspace;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * One import: check the file, copy it (COPY mode) to a temporary file beside its final place,
 * work out how to read it, read every row once, then move the copy into place and add the
 * catalog row. Any failure or cancel removes whatever this import wrote.
 */
final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    /** Share of the progress bar left for finishing the byte copy in COPY mode once the scan is done. */
    private static final double COPY_SHARE = 0.1;

    private final Workspace workspace;
    private final DuckEngine engine;
    private final DatasetCatalog catalog;

    Importer(Workspace workspace, DuckEngine engine, DatasetCatalog catalog) {
        this.workspace = workspace;
        this.engine = engine;
        this.catalog = catalog;
    }

    DatasetId run(ImportRequest request, JobContext context) throws DataException {
        Path source = request.source().toAbsolutePath().normalize();
        String name = request.effectiveName();
        checkSource(source);
        checkName(name);
        long size = sizeOf(source);
        if (size == 0) {
            throw new ImportException("The file is empty.");
        }
        FileProbe probe = probe(source);
        if (probe.isBlank()) {
            throw new ImportException("The file is empty (it holds only blank lines).");
        }
        DataFormat format = request.explicitFormat()
                .or(() -> DataFormat.fromFileName(source))
                .or(probe::guessFormat)
                .orElseThrow(() -> new ImportException("Cannot tell the format of this file; choose one."));
        probe.checkReadableAs(format);
        context.progress(0, "Importing " + source.getFileName());

        boolean copy = request.mode() == StorageMode.COPY;
        Path target = null;
        Path temp = null;
        BackgroundCopy copying = null;
        boolean committed = false;
        try {
            String fingerprint = null;
            if (copy) {
                // The copy (and its hash) and the scan read the same bytes independently: run them side by side.
                target = targetFor(name, format, probe.gzip());
                temp = AtomicFiles.tempFileFor(target);
                copying = BackgroundCopy.start(source, temp, context);
            } else {
                fingerprint = "size:" + size + ";modified:" + Files.getLastModifiedTime(source).toMillis();
            }
            DoubleConsumer scanProgress = f -> context.progress(f < 0 ? -1 : f * (1 - COPY_SHARE), "Checking every row");
            Scan.Result scan;
            try (DuckDBConnection c = engine.connect()) {
                ReadOptions options = detect(c, source, format, probe, context, scanProgress);
                scan = Scan.run(c, options, source, size, context, scanProgress);
            }
            if (copying != null) {
                fingerprint = "sha256:" + copying.await(f -> context.progress(1 - COPY_SHARE + f * COPY_SHARE,
                        "Copying " + source.getFileName()));
            }
            if (scan.stats().rows() == 0) {
                throw new ImportException(switch (format) {
                    case CSV, TSV -> "The file has a header line but no data rows.";
                    case ARFF -> "The ARFF file has no data rows after @data.";
                    default -> "The file holds no records.";
                });
            }
            List<Column> columns = SchemaInference.infer(scan.options().columns(), scan.stats());
            context.checkCancelled();
            Path location = source;
            if (copy) {
                AtomicFiles.commit(temp, target);
                temp = null;
                committed = true;
                location = target;
            }
            DatasetId id = catalog.insert(new DatasetCatalog.NewDataset(name, format, request.mode(), location,
                    source.toString(), scan.options(), scan.stats().rows(), size, fingerprint, columns));
            committed = false;
            context.progress(1, "Imported " + scan.stats().rows() + " rows");
            return id;
        } catch (IOException e) {
            if (context.isCancelled()) {
                throw new JobCancelledException();
            }
            throw new DataException("Cannot import " + source.getFileName() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DataException("A dataset named '" + name + "' already exists in this workspace; choose another name.", e);
            }
            throw new DataException("Cannot import " + source.getFileName() + ": " + DuckErrors.firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (copying != null) {
                copying.stopAndWait();
            }
            deleteQuietly(temp);
            if (committed) {
                deleteQuietly(target); // moved into place, but the catalog row was not written
            }
        }
    }

    private static ReadOptions detect(DuckDBConnection c, Path file, DataFormat format, FileProbe probe, JobContext context,
                                      DoubleConsumer progress) throws ImportException, IOException {
        return switch (format) {
            case CSV, TSV -> CsvDetector.detect(c, file, format, probe);
            case ARFF -> ArffDetector.detect(file, probe);
            case PARQUET -> TypedDetector.parquet(c, file);
            case JSON, JSONL -> TypedDetector.json(c, file, format, probe, context, progress);
        };
    }

    private static void checkSource(Path source) throws DataException {
        if (!Files.exists(source)) {
            throw new DataException("There is no file " + source + ".");
        }
        if (Files.isDirectory(source)) {
            throw new DataException(source + " is a folder; choose a file.");
        }
        if (!Files.isReadable(source)) {
            throw new DataException("The file " + source + " cannot be read (permission denied).");
        }
    }

    private void checkName(String name) throws DataException {
        try {
            if (catalog.exists(name)) {
                throw new DataException("A dataset named '" + name + "' already exists in this workspace; choose another name.");
            }
        } catch (SQLException e) {
            throw new DataException("Cannot read the workspace catalog: " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path source) throws DataException {
        try {
            return Files.size(source);
        } catch (IOException e) {
            throw new DataException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static FileProbe probe(Path source) throws DataException {
        try {
            return FileProbe.of(source);
        } catch (IOException e) {
            throw new DataException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** data/NAME.EXT, with a number added when a file of that name is already there. */
    private Path targetFor(String name, DataFormat format, boolean gzip) {
        String ext = "." + format.extensions()[0] + (gzip ? ".gz" : "");
        Path dir = workspace.dataDir();
        Path p = dir.resolve(name + ext);
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(name + "-" + i + ext);
        }
        return p;
    }

    private static boolean isUniqueViolation(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("unique") && m.contains("dataset.name");
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not remove {} after a failed import", p, e);
        }
    }
}
