package dev.osprey.core.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEditTest {
    @TempDir
    Path tmp;
    Fixture fx;
    Dataset d;

    @BeforeEach
    void open() throws Exception {
        fx = Fixture.create(tmp);
        d = fx.importCopy(fx.write("houses.csv", "rooms,price,zip,label\n3,100.0,0501,a\n4,150.5,0502,b\n2,80.0,0501,2.5\n"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Column> edit(int i, Column replacement) {
        List<Column> cols = new ArrayList<>(d.columns());
        cols.set(i, replacement);
        return cols;
    }

    @Test
    void renameRetypeAndTargetAreSavedAndApplied() throws Exception {
        List<Column> cols = new ArrayList<>(d.columns());
        cols.set(0, cols.get(0).withName("bedrooms").withType(ColumnType.DECIMAL));
        cols.set(1, cols.get(1).withRole(ColumnRole.TARGET));
        cols.set(2, cols.get(2).withType(ColumnType.CATEGORY));
        Dataset saved = fx.service.updateSchema(d.id(), cols);

        assertThat(saved.target()).map(Column::name).contains("price");
        assertThat(saved.column("bedrooms").orElseThrow().sourceName()).isEqualTo("rooms");
        assertThat(fx.service.selectSql(saved)).contains("CAST(\"rooms\" AS DOUBLE) AS \"bedrooms\"");
        TablePreview p = fx.service.preview(d.id(), 1);
        assertThat(p.columns()).extracting(Column::name).containsExactly("bedrooms", "price", "zip", "label");
        assertThat(p.rows().get(0)).containsExactly(3.0, 100.0, "0501", "a");
        assertThat(fx.service.get(d.id())).isEqualTo(saved);
    }

    @Test
    void aTypeSomeValueCannotTakeIsRefusedWithAnExample() throws Exception {
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), edit(1, d.columns().get(1).withType(ColumnType.INTEGER))))
                .isInstanceOf(DataException.class)
                .hasMessage("Column 'price' cannot be a whole number (INTEGER): it holds \"150.5\", for example.");
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), edit(3, d.columns().get(3).withType(ColumnType.DECIMAL))))
                .hasMessageContaining("Column 'label'").hasMessageContaining("\"a\"");
        assertThat(fx.service.get(d.id())).isEqualTo(d);
    }

    @Test
    void structuralEditsAreRefused() throws Exception {
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), d.columns().subList(0, 3)))
                .hasMessageContaining("must keep its 4 columns");
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), edit(1, d.columns().get(1).withName("ROOMS"))))
                .hasMessageContaining("Two columns are named 'ROOMS'");
        List<Column> twoTargets = edit(0, d.columns().get(0).withRole(ColumnRole.TARGET));
        twoTargets.set(1, twoTargets.get(1).withRole(ColumnRole.TARGET));
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), twoTargets)).hasMessage("Only one column can be the target.");
        List<Column> swapped = new ArrayList<>(d.columns());
        swapped.set(0, d.columns().get(1));
        swapped.set(1, d.columns().get(0));
        assertThatThrownBy(() -> fx.service.updateSchema(d.id(), swapped)).hasMessageContaining("cannot be added, removed or reordered");
    }

    @Test
    void swappingTwoNamesIsOneTransaction() throws Exception {
        List<Column> cols = new ArrayList<>(d.columns());
        cols.set(0, cols.get(0).withName("price"));
        cols.set(1, cols.get(1).withName("rooms"));
        Dataset saved = fx.service.updateSchema(d.id(), cols);
        assertThat(saved.columns()).extracting(Column::name).startsWith("price", "rooms");
    }
}
