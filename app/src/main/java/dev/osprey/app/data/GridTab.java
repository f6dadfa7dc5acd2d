package dev.osprey.app.data;

import dev.osprey.app.data.grid.DataGrid;
import dev.osprey.app.data.recipe.RecipePanel;
import dev.osprey.core.Engine;
import dev.osprey.core.data.Column;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.TablePager;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import dev.osprey.app.quality.QualityReportView;
import dev.osprey.app.quality.QualityReportViewModel;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Objects;
import java.util.Optional;

/**
 * The Grid tab: the paged data grid with the recipe beside it. The grid opens the selected
 * dataset only while the tab is shown (a snapshot of a large file costs seconds), and again
 * when the selection or the dataset's schema changes.
 */
final class GridTab extends Tab {
    private final DataViewModel model;
    private final DataGrid grid;
    private final RecipePanel recipe;
    private Dataset opened;

    GridTab(DataViewModel model) {
        super("Grid");
        this.model = model;
        setId("gridTab");
        setGraphic(new FontIcon(MaterialDesignT.TABLE_EDIT));
        grid = new DataGrid(model.grid());
        recipe = new RecipePanel(model.recipe());
        grid.setColumnActions(name -> recipe.columnActions(name, model.grid().columns().stream()
                .filter(c -> c.name().equals(name)).map(Column::type).findFirst().orElse(null)));
        Button quality = new Button("Quality report");
        quality.setId("qualityButton");
        quality.getStyleClass().add("flat");
        quality.setTooltip(new Tooltip("Per-column checks, leakage and a quick model for this dataset"));
        quality.setOnAction(e -> openQuality());
        grid.addToBar(quality);
        SplitPane split = new SplitPane(grid, recipe);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(recipe, false);
        split.getStyleClass().add("grid-split");
        setContent(split);
        // Undo and redo act on the recipe wherever the focus is in the tab (a text field keeps its own).
        split.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (RecipePanel.REDO.match(e) || RecipePanel.REDO_Y.match(e)) {
                model.recipe().redo();
            } else if (RecipePanel.UNDO.match(e)) {
                model.recipe().undo();
            } else {
                return;
            }
            e.consume();
        });
        selectedProperty().addListener(o -> sync());
        model.selectedProperty().addListener(o -> sync());
    }

    DataGrid grid() {
        return grid;
    }

    RecipePanel recipe() {
        return recipe;
    }

    /** Opens (or shows again) the quality report of the selected dataset in a closable tab beside this one. */
    private void openQuality() {
        Dataset d = model.selected();
        if (d == null || getTabPane() == null) {
            return;
        }
        String id = "qualityTab-" + d.id();
        for (Tab t : getTabPane().getTabs()) {
            if (id.equals(t.getId())) {
                getTabPane().getSelectionModel().select(t);
                return;
            }
        }
        QualityReportView view = new QualityReportView(new QualityReportViewModel(model.app(), d.id(), Optional.empty()));
        Tab tab = new Tab("Quality: " + d.name(), view.node());
        tab.setId(id);
        tab.setClosable(true);
        getTabPane().getTabs().add(tab);
        getTabPane().getSelectionModel().select(tab);
    }

    private void sync() {
        Dataset d = model.selected();
        if (d == null) {
            if (opened != null) {
                opened = null;
                model.grid().clear();
                model.recipe().open(null);
            }
            return;
        }
        if (!isSelected() || Objects.equals(d, opened)) {
            return;
        }
        Engine engine = model.app().engine();
        if (engine == null) {
            return;
        }
        opened = d;
        String sql = engine.datasets().selectSql(d);
        model.grid().open(d.columns(), d.rowCount(), () -> TablePager.open(sql, d.columns(), d.rowCount()));
        model.recipe().open(d);
    }
}
