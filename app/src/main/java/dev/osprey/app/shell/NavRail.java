package dev.osprey.app.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The left navigation rail: the app's mark, then one entry (icon + label) per {@link NavItem}. */
final class NavRail {
    private final VBox root;
    private final Map<NavItem, ToggleButton> buttons = new EnumMap<>(NavItem.class);

    NavRail(ShellViewModel vm) {
        ToggleGroup group = new ToggleGroup();
        FontIcon mark = new FontIcon("mdi2b-bird");
        mark.getStyleClass().add("brand-icon");
        Label brand = new Label("Osprey", mark);
        brand.getStyleClass().add("brand");
        root = new VBox(2, brand);
        for (NavItem item : NavItem.values()) {
            ToggleButton b = new ToggleButton(item.text(), new FontIcon(item.icon()));
            b.setToggleGroup(group);
            b.setId("nav-" + item.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add("nav-item");
            b.setAlignment(Pos.CENTER_LEFT);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setGraphicTextGap(12);
            b.setTooltip(new Tooltip(item.text() + " (" + item.key().getDisplayText() + ")"));
            b.setOnAction(e -> vm.select(item));
            buttons.put(item, b);
            root.getChildren().add(b);
            if (item == NavItem.DATA || item == NavItem.EXPERIMENTS) {
                Region sep = new Region();
                sep.getStyleClass().add("nav-separator");
                root.getChildren().add(sep);
            }
        }
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        root.getChildren().add(fill);
        root.getStyleClass().add("nav-rail");
        root.setId("nav-rail");
        // A toggle group lets the user deselect the current button: keep the model's page selected.
        vm.pageProperty().addListener((o, a, now) -> buttons.get(now).setSelected(true));
        group.selectedToggleProperty().addListener((o, a, now) -> {
            if (now == null) {
                buttons.get(vm.page()).setSelected(true);
            }
        });
        buttons.get(vm.page()).setSelected(true);
    }

    Node node() {
        return root;
    }
}
