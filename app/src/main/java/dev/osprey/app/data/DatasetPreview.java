package dev.osprey.app.data;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.TablePreview;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected dataset's first rows, shown under its schema on the Data page. They are read off the
 * UI thread through the page's {@link DataViewModel#background} and shown on the UI executor; a
 * result that arrives after another load started (another dataset selected, the workspace changed)
 * is dropped. The properties belong to the page's view model, which hands them to the view.
 */
final class DatasetPreview {
    static final int ROWS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DatasetPreview.class);

    private final DataViewModel page;
    private final AppContext app;
    private final ReadOnlyObjectWrapper<TablePreview> rows;
    private final ReadOnlyBooleanWrapper loading;
    private final ReadOnlyStringWrapper error;
    private long generation;

    DatasetPreview(DataViewModel page, AppContext app) {
        this.page = page;
        this.app = app;
        this.rows = new ReadOnlyObjectWrapper<>(page, "preview");
        this.loading = new ReadOnlyBooleanWrapper(page, "previewLoading");
        this.error = new ReadOnlyStringWrapper(page, "previewError");
    }

    ReadOnlyObjectProperty<TablePreview> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the rows could not be read, or null. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Drops the result of the load under way, if any. */
    void invalidate() {
        generation++;
    }

    /** Empties the preview and reads {@code dataset}'s first rows (none for null or without a workspace). */
    void load(Dataset dataset) {
        long current = ++generation;
        rows.set(null);
        error.set(null);
        Engine engine = app.engine();
        if (dataset == null || engine == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        page.background(engine, s -> s.preview(dataset.id(), ROWS)).whenCompleteAsync((read, problem) -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            if (problem != null) {
                LOG.warn("Cannot preview {}", dataset.name(), Problems.unwrap(problem));
                error.set(Problems.message(problem));
            } else {
                rows.set(read);
            }
        }, app.uiExecutor());
    }
}
