package dev.osprey.app.shell;

import javafx.scene.Node;

/** A page of the main window, shown when its navigation item is selected. */
public interface Page {
    /** The page's root node; created once. */
    Node node();

    /** Called each time the page becomes visible (refresh lists here, off the FX thread). */
    default void onShown() {
    }
}
