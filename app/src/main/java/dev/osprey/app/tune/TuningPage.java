package dev.osprey.app.tune;

import dev.osprey.app.shell.Page;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import java.util.Objects;

/**
 * The Tuning page (Ctrl+6): two tabs, "Tuning" (a search over one algorithm's hyperparameters)
 * and "AutoML" (a search over algorithms), the second given by the composition root so this
 * package does not depend on it. Ctrl+Enter starts the tuning tab's job.
 */
public final class TuningPage implements Page {
    static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final TuningView tuning;
    private final Page automl;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public TuningPage(TuningView tuning, Page automl) {
        this.tuning = Objects.requireNonNull(tuning);
        this.automl = Objects.requireNonNull(automl);
        root.setId("tuningPage");
        root.getStyleClass().addAll("training-page", "tuning-page");
        String theme = Application.getUserAgentStylesheet();
        if (theme == null || !theme.contains("atlantafx")) {
            root.getStylesheets().add(stylesheet("/dev/osprey/app/train/training-colors.css"));
        }
        root.getStylesheets().add(stylesheet("/dev/osprey/app/train/training.css"));
        root.getStylesheets().add(stylesheet("/dev/osprey/app/tune/tuning.css"));
        Tab tuneTab = new Tab("Tuning", tuning);
        tuneTab.setId("tuningTab");
        Tab autoTab = new Tab("AutoML", automl.node());
        autoTab.setId("automlTab");
        tabs.getTabs().addAll(tuneTab, autoTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tuningTabs");
        root.setCenter(tabs);
        tuning.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (START.match(e)) {
                tuning.model().start();
                e.consume();
            }
        });
    }

    private static String stylesheet(String path) {
        return Objects.requireNonNull(TuningPage.class.getResource(path), path).toExternalForm();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void onShown() {
        tuning.model().refresh();
        automl.onShown();
    }

    /** Shows the AutoML tab (tests, and a later "AutoML…" link). */
    public void showAutoMl() {
        tabs.getSelectionModel().select(1);
    }

    public TuningView tuning() {
        return tuning;
    }
}
