package dev.osprey.app.jobpage;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.Dataset;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The dataset and target choice of the Tuning and AutoML forms: the catalog's datasets, the chosen
 * one, its columns that can be a target, and the chosen target. A new dataset list keeps the chosen
 * dataset (by id) or takes the first; a new dataset offers its own target, else keeps the chosen
 * column when it has one of that name, else its last column. UI thread only; holds no nodes.
 */
public final class DatasetChoice {
    private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final Runnable sameTarget;

    /**
     * {@code sameTarget} runs when another dataset keeps the chosen target's name (the target
     * property does not change, yet the column is another one).
     */
    public DatasetChoice(Runnable sameTarget) {
        this.sameTarget = Objects.requireNonNull(sameTarget);
        dataset.addListener((o, a, d) -> onDataset(d));
    }

    public ObservableList<Dataset> datasets() {
        return datasets;
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** New dataset list from the catalog: keeps the chosen dataset when it is still there, else takes the first. */
    public void setDatasets(List<Dataset> list) {
        Dataset keep = dataset.get();
        datasets.setAll(list);
        Dataset next = keep == null ? null : list.stream().filter(d -> d.id().equals(keep.id())).findFirst().orElse(null);
        dataset.set(next != null ? next : list.isEmpty() ? null : list.getFirst());
    }

    private void onDataset(Dataset d) {
        String keep = target.get();
        if (d == null) {
            targets.clear();
            target.set(null);
            return;
        }
        targets.setAll(d.columns().stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.IGNORE)
                .map(Column::name).toList());
        String next = keep != null && targets.contains(keep) && d.target().isEmpty() ? keep
                : d.target().map(Column::name).orElse(targets.isEmpty() ? null : targets.getLast());
        if (Objects.equals(next, target.get())) {
            sameTarget.run();
        } else {
            target.set(next);
        }
    }
}
