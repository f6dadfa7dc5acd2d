package dev.osprey.app.shell;

import dev.osprey.app.AppContext;
import dev.osprey.core.Engine;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/** The main window's own state: which page is shown, the title, and whether the job center is open. */
public final class ShellViewModel {
    static final String APP_NAME = "Osprey";

    private final ObjectProperty<NavItem> page = new SimpleObjectProperty<>(this, "page", NavItem.HOME);
    private final StringProperty title = new SimpleStringProperty(this, "title", APP_NAME);
    private final BooleanProperty jobCenterVisible = new SimpleBooleanProperty(this, "jobCenterVisible");

    public ShellViewModel(AppContext context) {
        Objects.requireNonNull(context);
        context.engineProperty().addListener((o, old, now) -> onEngine(now));
        onEngine(context.engine());
    }

    private void onEngine(Engine engine) {
        title.set(engine == null ? APP_NAME : APP_NAME + " — " + engine.workspace().name());
    }

    public void select(NavItem item) {
        page.set(Objects.requireNonNull(item));
    }

    public void toggleJobCenter() {
        jobCenterVisible.set(!jobCenterVisible.get());
    }

    public ReadOnlyObjectProperty<NavItem> pageProperty() {
        return page;
    }

    public NavItem page() {
        return page.get();
    }

    /** "Osprey — my-workspace", or "Osprey" with no workspace open. */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public BooleanProperty jobCenterVisibleProperty() {
        return jobCenterVisible;
    }
}
