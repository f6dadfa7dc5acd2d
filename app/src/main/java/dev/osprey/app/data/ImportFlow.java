package dev.osprey.app.data;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.ImportRequest;
import dev.osprey.core.job.Job;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Importing a file: choose it (or drop it), confirm name, format and copy/link in the import sheet
 * ({@link #pendingProperty()} non-null while the sheet is open), then run the import as a job of
 * the job center. The page lists the imports still running; a finished one refreshes the list and
 * selects the new dataset, a failed one tells the user where the file is broken.
 */
public final class ImportFlow {
    /** What the file chooser offers and what a drop accepts ({@code gz}: compressed CSV, JSON, ...). */
    public static final List<String> EXTENSIONS = List.of("csv", "tsv", "txt", "parquet", "json", "jsonl", "ndjson",
            "arff", "gz");
    private static final Logger LOG = LoggerFactory.getLogger(ImportFlow.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final DataViewModel page;
    private final AppContext app;
    private final ReadOnlyObjectWrapper<ImportDraft> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ObservableList<RunningImport> running = FXCollections.observableArrayList();
    private Path lastFolder;

    ImportFlow(DataViewModel page, AppContext app) {
        this.page = page;
        this.app = app;
    }

    /** The draft the import sheet shows, or null when the sheet is closed. */
    public ReadOnlyObjectProperty<ImportDraft> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ObservableList<RunningImport> running() {
        return FXCollections.unmodifiableObservableList(running);
    }

    /** True for a file the import understands by its name (what a drop accepts). */
    public static boolean isImportable(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(ext -> name.endsWith("." + ext));
    }

    /** Asks for a file and opens the import sheet on it; false when the user cancelled the chooser. */
    public boolean chooseFile() {
        if (app.engine() == null) {
            app.dialogs().showInfo("No workspace", "Open or create a workspace before importing data.");
            return false;
        }
        Path start = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.home"));
        Optional<Path> file = app.dialogs().chooseFile("Import a dataset", start, EXTENSIONS.toArray(String[]::new));
        file.ifPresent(this::open);
        return file.isPresent();
    }

    /** Opens the import sheet on {@code file} (a dropped file, or one just chosen). */
    public void open(Path file) {
        if (app.engine() == null) {
            app.dialogs().showInfo("No workspace", "Open or create a workspace before importing data.");
            return;
        }
        Path absolute = file.toAbsolutePath().normalize();
        lastFolder = absolute.getParent();
        pending.set(new ImportDraft(absolute, page.datasets().stream().map(Dataset::name).collect(Collectors.toSet())));
    }

    /** Closes the import sheet without importing. */
    public void dismiss() {
        pending.set(null);
    }

    /**
     * Starts the import the sheet describes as a background job and closes the sheet. The returned
     * future completes once the outcome is on screen (tests wait on it); it never fails.
     */
    public CompletableFuture<Void> confirm() {
        ImportDraft draft = pending.get();
        Engine engine = app.engine();
        if (draft == null || engine == null || !draft.validProperty().get()) {
            return CompletableFuture.completedFuture(null);
        }
        ImportRequest request = draft.toRequest();
        pending.set(null);
        Job<Dataset> job = app.jobs().submit("Import " + draft.fileName(),
                ctx -> engine.datasets().importFile(request, ctx));
        RunningImport entry = new RunningImport(draft.fileName(), request.effectiveName(), job);
        running.add(entry);
        return job.result().handleAsync((dataset, error) -> {
            running.remove(entry);
            if (engine != app.engine()) {
                return DONE;
            }
            if (error != null) {
                failed(request, error);
                return DONE;
            }
            app.dialogs().notify("Imported " + dataset.name() + ": " + Formats.shape(dataset) + ".");
            return page.refresh(dataset.id());
        }, app.uiExecutor()).thenCompose(next -> next);
    }

    void workspaceChanged() {
        // Imports into the old workspace finish there (or fail as it closes); they no longer belong here.
        running.clear();
        pending.set(null);
    }

    private void failed(ImportRequest request, Throwable error) {
        if (Problems.isCancel(error)) {
            app.dialogs().notify("Import of " + request.source().getFileName() + " cancelled.");
            return;
        }
        LOG.info("Import of {} failed: {}", request.source(), Problems.message(error));
        app.dialogs().showError("Cannot import " + request.source().getFileName(),
                Problems.importMessage(request.source(), error), request.source() + "\n\n" + Problems.details(error));
    }
}
