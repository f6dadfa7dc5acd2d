package dev.osprey.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A page that is not built yet: its name and one honest line saying so, nothing pretending to work. */
final class PendingPage implements Page {
    private final VBox root;

    PendingPage(NavItem item) {
        FontIcon icon = new FontIcon(item.icon());
        icon.getStyleClass().add("pending-icon");
        Label title = new Label(item.text());
        title.getStyleClass().add(Styles.TITLE_2);
        Label line = new Label(item.pendingNotice().orElse(""));
        line.setWrapText(true);
        line.getStyleClass().addAll(Styles.TEXT_MUTED, "pending-notice");
        root = new VBox(12, icon, title, line);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(560);
        root.getStyleClass().add("pending-page");
        root.setId("page-" + item.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Node node() {
        return root;
    }
}
