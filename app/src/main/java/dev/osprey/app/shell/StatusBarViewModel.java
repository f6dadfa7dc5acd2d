package dev.osprey.app.shell;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar's own state: the workspace path and the heap use. Jobs come from the job center. */
public final class StatusBarViewModel {
    private static final long MB = 1024 * 1024;

    private final StringProperty workspacePath = new SimpleStringProperty(this, "workspacePath", "");
    private final StringProperty heapText = new SimpleStringProperty(this, "heapText", "");
    private final DoubleProperty heapFraction = new SimpleDoubleProperty(this, "heapFraction");

    public StatusBarViewModel(AppContext context) {
        context.engineProperty().addListener((o, old, now) -> onEngine(now));
        onEngine(context.engine());
    }

    private void onEngine(Engine engine) {
        workspacePath.set(engine == null ? "No workspace open" : engine.workspace().root().toString());
    }

    /** Reads this JVM's heap use (the view calls it every two seconds on the FX thread). */
    public void sampleHeap() {
        Runtime rt = Runtime.getRuntime();
        updateHeap(rt.totalMemory() - rt.freeMemory(), rt.maxMemory());
    }

    /** Shows {@code used} of {@code max} bytes as "312 / 2048 MB". */
    public void updateHeap(long used, long max) {
        heapText.set("%d / %d MB".formatted(used / MB, max / MB));
        heapFraction.set(max <= 0 ? 0 : Math.min(1, (double) used / max));
    }

    public ReadOnlyStringProperty workspacePathProperty() {
        return workspacePath;
    }

    public ReadOnlyStringProperty heapTextProperty() {
        return heapText;
    }

    /** Used / max heap, in [0, 1]: the bar turns to a warning colour when it runs high. */
    public ReadOnlyDoubleProperty heapFractionProperty() {
        return heapFraction;
    }
}
