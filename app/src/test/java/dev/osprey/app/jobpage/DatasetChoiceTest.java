package dev.osprey.app.jobpage;

import dev.osprey.core.data.Column;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.DatasetId;
import dev.osprey.core.data.StorageMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dataset and target choice the Tuning and AutoML forms share. */
class DatasetChoiceTest {
    private final AtomicInteger sameTarget = new AtomicInteger();
    private final DatasetChoice choice = new DatasetChoice(sameTarget::incrementAndGet);

    private static Column column(String name, ColumnRole role) {
        return new Column(name, name, ColumnType.DECIMAL, role, 0, 10);
    }

    private static Dataset dataset(long id, String name, Column... columns) {
        return new Dataset(new DatasetId(id), name, DataFormat.CSV, StorageMode.COPY, Path.of("/w/data/" + name + ".csv"),
                "/in/" + name + ".csv", 10, 100, "x" + id, Instant.EPOCH, List.of(columns));
    }

    @Test
    void offersTheFeatureColumnsAndTakesTheDatasetsOwnTargetElseTheLastColumn() {
        Dataset withTarget = dataset(1, "a", column("id", ColumnRole.ID), column("x", ColumnRole.FEATURE),
                column("y", ColumnRole.TARGET), column("z", ColumnRole.FEATURE), column("skip", ColumnRole.IGNORE));
        Dataset without = dataset(2, "b", column("p", ColumnRole.FEATURE), column("q", ColumnRole.FEATURE));
        choice.setDatasets(List.of(withTarget, without));

        assertThat(choice.datasetProperty().get()).isEqualTo(withTarget);
        assertThat(choice.targets()).containsExactly("x", "y", "z");
        assertThat(choice.targetProperty().get()).isEqualTo("y");

        choice.datasetProperty().set(without);
        assertThat(choice.targets()).containsExactly("p", "q");
        assertThat(choice.targetProperty().get()).isEqualTo("q");
    }

    @Test
    void aNewListKeepsTheChosenDatasetByIdAndTheChosenTargetByName() {
        Dataset first = dataset(1, "a", column("x", ColumnRole.FEATURE), column("y", ColumnRole.FEATURE));
        Dataset second = dataset(2, "b", column("x", ColumnRole.FEATURE), column("w", ColumnRole.FEATURE));
        choice.setDatasets(List.of(first, second));
        choice.datasetProperty().set(second);
        choice.targetProperty().set("x");

        Dataset secondAgain = dataset(2, "b", column("x", ColumnRole.FEATURE), column("v", ColumnRole.FEATURE));
        choice.setDatasets(List.of(first, secondAgain));

        assertThat(choice.datasetProperty().get()).isSameAs(secondAgain);
        assertThat(choice.targetProperty().get()).isEqualTo("x");
        assertThat(sameTarget).as("the same target's name on another dataset is reported").hasValue(1);
    }

    @Test
    void anEmptyListClearsTheChoice() {
        choice.setDatasets(List.of(dataset(1, "a", column("x", ColumnRole.FEATURE))));
        choice.setDatasets(List.of());
        assertThat(choice.datasetProperty().get()).isNull();
        assertThat(choice.targets()).isEmpty();
        assertThat(choice.targetProperty().get()).isNull();
    }
}
