package dev.osprey.app.data;

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

import static org.assertj.core.api.Assertions.assertThat;

class SchemaModelTest {
    private static Dataset dataset() {
        return new Dataset(new DatasetId(1), "d", DataFormat.CSV, StorageMode.COPY, Path.of("/w/data/d.csv"), "/in/d.csv",
                10, 100, "x", Instant.EPOCH, List.of(
                new Column("a", "a", ColumnType.INTEGER, ColumnRole.FEATURE, 0, 10),
                new Column("b", "b", ColumnType.CATEGORY, ColumnRole.FEATURE, 2, 3),
                new Column("c", "c", ColumnType.DECIMAL, ColumnRole.FEATURE, 0, 9)));
    }

    @Test
    void editsMakeItDirtyAndRevertUndoesThem() {
        SchemaModel m = new SchemaModel();
        m.load(dataset());
        assertThat(m.dirtyProperty().get()).isFalse();
        m.rows().get(1).roleProperty().set(ColumnRole.TARGET);
        m.rows().get(0).nameProperty().set(" key ");
        assertThat(m.dirtyProperty().get()).isTrue();
        assertThat(m.problemProperty().get()).isNull();
        assertThat(m.edited()).extracting(Column::name).containsExactly("key", "b", "c");
        assertThat(m.edited().get(1).role()).isEqualTo(ColumnRole.TARGET);
        assertThat(m.edited().get(0).sourceName()).isEqualTo("a");

        m.revert();
        assertThat(m.dirtyProperty().get()).isFalse();
        assertThat(m.rows().get(1).roleProperty().get()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void changingBackToTheSavedValueIsNotAnEdit() {
        SchemaModel m = new SchemaModel();
        m.load(dataset());
        m.rows().get(2).typeProperty().set(ColumnType.TEXT);
        m.rows().get(2).typeProperty().set(ColumnType.DECIMAL);
        assertThat(m.dirtyProperty().get()).isFalse();
    }

    @Test
    void refusesBlankAndRepeatedNamesAndTwoTargets() {
        SchemaModel m = new SchemaModel();
        m.load(dataset());
        m.rows().get(1).nameProperty().set("");
        assertThat(m.problemProperty().get()).isEqualTo("Column 2 (b) needs a name.");
        m.rows().get(1).nameProperty().set("A");
        assertThat(m.problemProperty().get()).isEqualTo("Two columns are named 'A'.");
        m.rows().get(1).nameProperty().set("b2");
        m.rows().get(0).roleProperty().set(ColumnRole.TARGET);
        m.rows().get(2).roleProperty().set(ColumnRole.TARGET);
        assertThat(m.problemProperty().get()).startsWith("Only one column can be the target");
        m.rows().get(2).roleProperty().set(ColumnRole.IGNORE);
        assertThat(m.problemProperty().get()).isNull();
    }
}
