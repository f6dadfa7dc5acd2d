package dev.osprey.app.data;

import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.StorageMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ImportDraftTest {
    @Test
    void prefillsNameAndFormatFromTheFile() {
        ImportDraft d = new ImportDraft(Path.of("/data/2024 sales.csv.gz"), Set.of());
        assertThat(d.nameProperty().get()).isEqualTo("data_2024_sales");
        assertThat(d.formatProperty().get()).isEqualTo(DataFormat.CSV);
        assertThat(d.formatDetected()).isTrue();
        assertThat(d.validProperty().get()).isTrue();
        assertThat(d.toRequest().mode()).isEqualTo(StorageMode.COPY);
    }

    @Test
    void unknownExtensionFallsBackToCsvAndSaysSo() {
        ImportDraft d = new ImportDraft(Path.of("/data/readings.txt"), Set.of());
        assertThat(d.formatProperty().get()).isEqualTo(DataFormat.CSV);
        assertThat(d.formatDetected()).isFalse();
    }

    @Test
    void validatesTheNameAsTheUserTypes() {
        ImportDraft d = new ImportDraft(Path.of("/data/iris.arff"), Set.of("Sales"));
        d.nameProperty().set("9lives");
        assertThat(d.nameProblemProperty().get()).contains("start with a letter");
        assertThat(d.validProperty().get()).isFalse();

        d.nameProperty().set("  ");
        assertThat(d.nameProblemProperty().get()).isEqualTo("Give the dataset a name.");

        d.nameProperty().set("sales");
        assertThat(d.nameProblemProperty().get()).contains("already has a dataset named 'sales'");

        d.nameProperty().set(" iris_2 ");
        assertThat(d.nameProblemProperty().get()).isNull();
        assertThat(d.validProperty().get()).isTrue();
        assertThat(d.toRequest().name()).isEqualTo("iris_2");
        assertThat(d.toRequest().format()).isEqualTo(DataFormat.ARFF);
    }

    @Test
    void linkModeReachesTheRequest() {
        ImportDraft d = new ImportDraft(Path.of("/data/big.parquet"), Set.of());
        d.modeProperty().set(StorageMode.LINK);
        assertThat(d.toRequest().mode()).isEqualTo(StorageMode.LINK);
        assertThat(d.toRequest().format()).isEqualTo(DataFormat.PARQUET);
    }
}
