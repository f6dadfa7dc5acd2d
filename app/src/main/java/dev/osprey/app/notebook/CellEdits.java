package dev.osprey.app.notebook;

import javafx.beans.property.IntegerProperty;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Command-mode edits of a notebook's cells (A, B, DD, Z, M, Y, up/down), on the UI thread.
 * Deleted cells go on an undo stack, so Z brings the last one back where it was, with its outputs.
 */
public final class CellEdits {
    /** How many deletions Z can undo. */
    static final int UNDO_DEPTH = 50;

    private final ObservableList<CellModel> cells;
    private final IntegerProperty selected;
    private final RunQueue queue;
    private final Deque<Deleted> deleted = new ArrayDeque<>();

    private record Deleted(int index, CellModel cell) {
    }

    CellEdits(ObservableList<CellModel> cells, IntegerProperty selected, RunQueue queue) {
        this.cells = cells;
        this.selected = selected;
        this.queue = queue;
    }

    CellModel selectedCell() {
        int i = selected.get();
        return i >= 0 && i < cells.size() ? cells.get(i) : null;
    }

    public void insertAbove() {
        int at = Math.max(0, selected.get());
        cells.add(Math.min(at, cells.size()), CellModel.newCode(""));
        selected.set(at);
    }

    public void insertBelow() {
        int at = Math.min(cells.size(), selected.get() + 1);
        cells.add(at, CellModel.newCode(""));
        selected.set(at);
    }

    /** Deletes the selected cell (not while it is queued or running); a notebook keeps at least one (empty) cell. */
    public void deleteSelected() {
        int at = selected.get();
        if (at < 0 || at >= cells.size() || queue.contains(cells.get(at))) {
            return;
        }
        deleted.push(new Deleted(at, cells.remove(at)));
        while (deleted.size() > UNDO_DEPTH) {
            deleted.removeLast();
        }
        if (cells.isEmpty()) {
            cells.add(CellModel.newCode(""));
        }
        selected.set(Math.min(at, cells.size() - 1));
    }

    /** Z: puts the last deleted cell back where it was and selects it. */
    public boolean undoDelete() {
        Deleted d = deleted.poll();
        if (d == null) {
            return false;
        }
        int at = Math.min(d.index(), cells.size());
        cells.add(at, d.cell());
        selected.set(at);
        return true;
    }

    public void setSelectedKind(CellModel.Kind kind) {
        CellModel cell = selectedCell();
        if (cell != null && cell.state() == CellState.IDLE && cell.kind() != kind) {
            cell.kindProperty().set(kind);
            if (kind != CellModel.Kind.CODE) {
                cell.outputs().clear();
                cell.setExecutionCount(null);
            }
        }
    }

    public void moveSelection(int delta) {
        selected.set(Math.max(0, Math.min(cells.size() - 1, selected.get() + delta)));
    }
}
