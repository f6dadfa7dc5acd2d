package dev.osprey.app.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.Optional;

/**
 * The main window's pages, declared once: the navigation rail, the shortcuts (Ctrl+1 .. Ctrl+0)
 * and the page host all read this. {@code pendingNotice} is the honest line a page shows until it
 * is built; null for pages that exist.
 */
public enum NavItem {
    HOME("Home", "mdi2h-home-outline", KeyCode.DIGIT1, null),
    DATA("Data", "mdi2d-database-outline", KeyCode.DIGIT2, null),
    NOTEBOOKS("Notebooks", "mdi2n-notebook-outline", KeyCode.DIGIT3, null),
    LABELING("Labeling", "mdi2t-tag-outline", KeyCode.DIGIT4, null),
    TRAINING("Training", "mdi2s-school-outline", KeyCode.DIGIT5, null),
    TUNING("Tuning", "mdi2t-tune-variant", KeyCode.DIGIT6, null),
    EXPERIMENTS("Experiments", "mdi2f-flask-outline", KeyCode.DIGIT7, null),
    MODELS("Models", "mdi2c-cube-outline", KeyCode.DIGIT8, null),
    ENDPOINTS("Endpoints", "mdi2s-server-network", KeyCode.DIGIT9, null),
    MONITORING("Monitoring", "mdi2m-monitor-dashboard", KeyCode.DIGIT0,
            "Monitoring is not built yet: drift and quality checks on captured requests arrive with a later release.");

    private final String text;
    private final String icon;
    private final KeyCombination key;
    private final String pendingNotice;

    NavItem(String text, String icon, KeyCode digit, String pendingNotice) {
        this.text = text;
        this.icon = icon;
        this.key = new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN);
        this.pendingNotice = pendingNotice;
    }

    public String text() {
        return text;
    }

    /** An ikonli Material Design 2 icon literal. */
    public String icon() {
        return icon;
    }

    /** Ctrl+digit (Cmd+digit on macOS). */
    public KeyCombination key() {
        return key;
    }

    /** The line an unbuilt page shows; empty when the page exists. */
    public Optional<String> pendingNotice() {
        return Optional.ofNullable(pendingNotice);
    }
}
