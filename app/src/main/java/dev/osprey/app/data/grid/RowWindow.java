package dev.osprey.app.data.grid;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the grid's TableView over at most {@link #WINDOW} rows of a larger table, with the grid's
 * own scroll bar over the whole table. Why: JavaFX's VirtualFlow walks its items up to the target
 * on every scroll position change, so with millions of items a fling spends most of each frame
 * there (measured: the FX thread's CPU per fling frame grew from 19 ms at 1M rows to 48 ms at 3M,
 * paged or not). The window moves (recentred on the row in view) when the user's scrolling nears
 * its edge or the bar jumps outside it; cells are kept and refilled. Items stay absolute row numbers.
 * A table that fits in the window is shown as it is, with the table's own scroll bar.
 */
final class RowWindow {
    static final int WINDOW = 50_000;
    /** Rows from a window edge at which scrolling recentres it. */
    static final int MARGIN = 2_000;

    private final TableView<Long> table;
    private final ScrollBar bar = new ScrollBar();
    private RowIndexList items = new RowIndexList(0);
    private long rows;
    private boolean syncing;
    private VirtualFlow<?> flow;

    RowWindow(TableView<Long> table) {
        this.table = table;
        bar.setOrientation(Orientation.VERTICAL);
        bar.setId("gridScrollBar");
        bar.setVisible(false);
        bar.setManaged(false);
        bar.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                scrollTo(Math.round(v.doubleValue()));
            }
        });
        table.skinProperty().addListener((o, a, skin) -> hookFlow());
    }

    ScrollBar bar() {
        return bar;
    }

    /** Shows {@code n} rows from the first. */
    void setRows(long n) {
        rows = n;
        items = new RowIndexList(0, Math.min(n, WINDOW));
        boolean windowed = n > WINDOW;
        bar.setVisible(windowed);
        bar.setManaged(windowed);
        table.getStyleClass().remove("windowed");
        if (windowed) {
            table.getStyleClass().add("windowed");
        }
        syncing = true;
        bar.setMin(0);
        bar.setMax(Math.max(0, n - 1));
        bar.setValue(0);
        bar.setVisibleAmount(Math.max(1, n / 100.0));
        bar.setUnitIncrement(3);
        bar.setBlockIncrement(30);
        syncing = false;
        table.setItems(items);
        hookFlow();
        hideFlowBar();
    }

    /** The table index showing row {@code row}, moving the window to it when needed; -1 when out of range. */
    int indexOf(long row) {
        if (row < 0 || row >= rows) {
            return -1;
        }
        if (row < items.offset() || row >= items.offset() + items.size()) {
            recentre(row);
        }
        return (int) (row - items.offset());
    }

    /** Puts row {@code row} at the top of the view (as {@code TableView.scrollTo} does for an index). */
    void scrollTo(long row) {
        long before = items.offset();
        int i = indexOf(row);
        if (i >= 0) {
            table.scrollTo(i);
            if (before != items.offset() && flow != null) {
                // the flow has not laid out the moved window yet: make sure the row is in view once it has
                flow.layout();
                flow.scrollTo(i);
            }
            syncBar(row);
        }
    }

    private void recentre(long row) {
        long size = items.size();
        long offset = Math.clamp(row - size / 2, 0, Math.max(0, rows - size));
        items.moveTo(offset);
    }

    private void syncBar(long row) {
        syncing = true;
        bar.setValue(row);
        syncing = false;
    }

    private void hookFlow() {
        if (table.getSkin() == null) {
            return;
        }
        // the skin adds its flow to the table's children when it is made
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> f && f != flow) {
            flow = f;
            f.positionProperty().addListener((o, a, p) -> followFlow(p.doubleValue()));
            hideFlowBar();
        }
    }

    /**
     * While windowed, the table's own vertical bar (which would span only the window) takes no room;
     * data.css says the same for the studio, this holds without the stylesheet too.
     */
    private void hideFlowBar() {
        if (flow == null) {
            return;
        }
        boolean windowed = rows > WINDOW;
        for (javafx.scene.Node n : flow.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL && b != bar) {
                b.setOpacity(windowed ? 0 : 1);
                b.setMaxWidth(windowed ? 0 : Double.MAX_VALUE);
                b.setPrefWidth(windowed ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                b.setMinWidth(windowed ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            }
        }
    }

    /** The user scrolled the table itself (wheel, keys): move the bar, and the window near its edge. */
    private void followFlow(double position) {
        if (rows <= WINDOW || syncing || flow == null) {
            return;
        }
        double cell = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        int size = items.size();
        double visible = Math.max(1, flow.getHeight() / cell);
        long first = items.offset() + Math.round(position * Math.max(0, size - visible));
        syncBar(first);
        long at = first - items.offset();
        if ((at < MARGIN && items.offset() > 0) || (at > size - MARGIN - visible && items.offset() + size < rows)) {
            syncing = true;
            try {
                recentre(first);
                table.scrollTo((int) (first - items.offset()));
            } finally {
                syncing = false;
            }
        }
    }
}
