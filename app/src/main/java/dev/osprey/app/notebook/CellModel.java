package dev.osprey.app.notebook;

import dev.osprey.notebook.model.Cell;
import dev.osprey.notebook.model.Notebook;
import dev.osprey.notebook.model.Output;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;

/**
 * One cell of the open notebook as the editor sees it: its kind and text (editable), its outputs
 * and execution count, and its place in the kernel's queue. Read and written on the UI thread.
 * The cell's id, metadata and attachments are kept so a save writes back what it read.
 */
public final class CellModel {
    /** The kinds of cell the editor switches between (M, Y); raw cells keep their kind. */
    public enum Kind { CODE, MARKDOWN, RAW }

    private final String id;
    private final Map<String, Object> metadata;
    private final Map<String, Object> attachments;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObservableList<Output> outputs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Integer> executionCount = new ReadOnlyObjectWrapper<>(this, "executionCount");
    private final ReadOnlyObjectWrapper<CellState> state = new ReadOnlyObjectWrapper<>(this, "state", CellState.IDLE);

    private CellModel(String id, Kind kind, String source, Map<String, Object> metadata, Map<String, Object> attachments) {
        this.id = id;
        this.metadata = metadata;
        this.attachments = attachments;
        this.kind.set(kind);
        this.source.set(source);
    }

    static CellModel newCode(String source) {
        return new CellModel(Notebook.newCellId(), Kind.CODE, source, Map.of(), Map.of());
    }

    static CellModel of(Cell cell) {
        return switch (cell) {
            case Cell.Code c -> {
                CellModel m = new CellModel(c.id(), Kind.CODE, c.source(), c.metadata(), Map.of());
                m.outputs.setAll(c.outputs());
                m.executionCount.set(c.executionCount());
                yield m;
            }
            case Cell.Markdown md -> new CellModel(md.id(), Kind.MARKDOWN, md.source(), md.metadata(), md.attachments());
            case Cell.Raw raw -> new CellModel(raw.id(), Kind.RAW, raw.source(), raw.metadata(), raw.attachments());
        };
    }

    /** The document cell for a save. */
    Cell toCell() {
        return switch (kind.get()) {
            case CODE -> new Cell.Code(id, source.get(), metadata, List.copyOf(outputs), executionCount.get());
            case MARKDOWN -> new Cell.Markdown(id, source.get(), metadata, attachments);
            case RAW -> new Cell.Raw(id, source.get(), metadata, attachments);
        };
    }

    public String id() {
        return id;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public Kind kind() {
        return kind.get();
    }

    public boolean isCode() {
        return kind.get() == Kind.CODE;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public String source() {
        return source.get();
    }

    /** nbformat outputs of the cell's last (or current) run. */
    public ObservableList<Output> outputs() {
        return outputs;
    }

    public ReadOnlyObjectProperty<Integer> executionCountProperty() {
        return executionCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CellState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public CellState state() {
        return state.get();
    }

    void setState(CellState s) {
        state.set(s);
    }

    void setExecutionCount(Integer count) {
        executionCount.set(count);
    }
}
