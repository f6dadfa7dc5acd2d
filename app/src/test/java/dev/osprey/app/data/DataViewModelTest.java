package dev.osprey.app.data;

import dev.osprey.app.AppContext;
import dev.osprey.app.AppHome;
import dev.osprey.core.Engine;
import dev.osprey.core.data.ColumnRole;
import dev.osprey.core.data.ColumnType;
import dev.osprey.core.data.DataFormat;
import dev.osprey.core.data.Dataset;
import dev.osprey.core.data.StorageMode;
import dev.osprey.core.job.JobService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view model against a real workspace (SQLite catalog, DuckDB) and real files, with every
 * executor running on the calling thread and a recording dialog seam.
 */
class DataViewModelTest {
    @TempDir
    Path tmp;

    private RecordingDialogs dialogs;
    private AppContext app;
    private DataViewModel model;
    private Path workspace;

    @BeforeEach
    void setUp() throws Exception {
        dialogs = new RecordingDialogs();
        app = new AppContext(new AppHome(tmp.resolve("home")), new JobService(1), dialogs, Runnable::run);
        model = new DataViewModel(app, Runnable::run);
        workspace = tmp.resolve("ws");
        app.switchEngine(Engine.create(workspace));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private Dataset importFile(Path file) throws Exception {
        dialogs.nextFile(file);
        assertThat(model.imports().chooseFile()).isTrue();
        model.imports().confirm().get(60, TimeUnit.SECONDS);
        return model.selected();
    }

    @Test
    void chooserOffersEveryImportableExtension() {
        model.imports().chooseFile();
        assertThat(dialogs.chooserExtensions.getFirst())
                .contains("csv", "tsv", "txt", "parquet", "json", "jsonl", "ndjson", "arff", "gz");
        assertThat(model.imports().pendingProperty().get()).isNull();
    }

    @Test
    void importingACsvListsSelectsAndPreviewsIt() throws Exception {
        Path csv = SampleFiles.sales(tmp.resolve("in"));
        dialogs.nextFile(csv);
        model.imports().chooseFile();
        ImportDraft draft = model.imports().pendingProperty().get();
        assertThat(draft.nameProperty().get()).isEqualTo("sales");
        assertThat(draft.formatProperty().get()).isEqualTo(DataFormat.CSV);

        model.imports().confirm().get(60, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(model.imports().pendingProperty().get()).isNull();
        assertThat(model.imports().running()).isEmpty();
        assertThat(model.datasets()).extracting(Dataset::name).containsExactly("sales");
        Dataset sales = model.selected();
        assertThat(sales.name()).isEqualTo("sales");
        assertThat(sales.rowCount()).isEqualTo(6);
        assertThat(sales.storageMode()).isEqualTo(StorageMode.COPY);
        assertThat(model.schema().rows()).extracting(r -> r.nameProperty().get())
                .containsExactly("id", "price", "region", "returned");
        assertThat(model.schema().rows().get(0).typeProperty().get()).isEqualTo(ColumnType.INTEGER);
        assertThat(model.schema().rows().get(1).typeProperty().get()).isEqualTo(ColumnType.DECIMAL);
        assertThat(model.schema().rows().get(2).missing()).isEqualTo(1);
        assertThat(model.previewLoadingProperty().get()).isFalse();
        assertThat(model.previewProperty().get().rows()).hasSize(6);
        assertThat(model.previewProperty().get().rows().get(2).get(2)).isNull();
        assertThat(dialogs.notifications).anyMatch(n -> n.startsWith("Imported sales"));
    }

    @Test
    void aRaggedCsvShowsTheLineAndAddsNothing() throws Exception {
        Path bad = SampleFiles.ragged(tmp.resolve("in"));
        dialogs.nextFile(bad);
        model.imports().chooseFile();
        model.imports().confirm().get(60, TimeUnit.SECONDS);

        assertThat(dialogs.errors).hasSize(1);
        RecordingDialogs.Shown error = dialogs.errors.getFirst();
        assertThat(error.title()).isEqualTo("Cannot import ragged.csv");
        assertThat(error.message()).matches("Line \\d+ of ragged\\.csv: .+");
        assertThat(model.datasets()).isEmpty();
        assertThat(model.selected()).isNull();
        assertThat(model.refresh()).isCompleted();
        assertThat(model.datasets()).isEmpty();
    }

    @Test
    void aTargetRoleAppliedIsSavedInTheWorkspace() throws Exception {
        importFile(SampleFiles.sales(tmp.resolve("in")));
        model.schema().rows().get(3).roleProperty().set(ColumnRole.TARGET);
        model.schema().rows().get(0).roleProperty().set(ColumnRole.ID);
        assertThat(model.schema().dirtyProperty().get()).isTrue();

        model.applySchema().get(30, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(model.schema().dirtyProperty().get()).isFalse();
        assertThat(model.selected().target()).get().extracting(c -> c.name()).isEqualTo("returned");
        app.switchEngine(null);
        try (Engine reopened = Engine.open(workspace)) {
            Dataset saved = reopened.datasets().find("sales").orElseThrow();
            assertThat(saved.target()).get().extracting(c -> c.name()).isEqualTo("returned");
            assertThat(saved.column("id")).get().extracting(c -> c.role()).isEqualTo(ColumnRole.ID);
        }
    }

    @Test
    void aRefusedSchemaChangeIsShownAndTheEditsStay() throws Exception {
        importFile(SampleFiles.sales(tmp.resolve("in")));
        model.schema().rows().get(2).typeProperty().set(ColumnType.INTEGER); // "north" is no number

        model.applySchema().get(30, TimeUnit.SECONDS);

        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.getFirst().title()).isEqualTo("Schema change refused");
        assertThat(dialogs.errors.getFirst().message()).contains("region");
        assertThat(model.schema().dirtyProperty().get()).isTrue();
        assertThat(model.schema().rows().get(2).typeProperty().get()).isEqualTo(ColumnType.INTEGER);
        assertThat(model.selected().column("region")).get().extracting(c -> c.type()).isNotEqualTo(ColumnType.INTEGER);
    }

    @Test
    void renamingAColumnRenamesItInThePreview() throws Exception {
        importFile(SampleFiles.sales(tmp.resolve("in")));
        model.schema().rows().get(1).nameProperty().set("unit_price");
        model.applySchema().get(30, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(model.previewProperty().get().columns()).extracting(c -> c.name())
                .containsExactly("id", "unit_price", "region", "returned");
    }

    @Test
    void deleteAsksFirstAndSelectsTheNeighbour() throws Exception {
        Path in = tmp.resolve("in");
        importFile(SampleFiles.sales(in));
        importFile(SampleFiles.write(in.resolve("zoo.csv"), "x,y\n1,2\n3,4\n"));
        model.select(model.datasets().stream().filter(d -> d.name().equals("sales")).findFirst().orElseThrow());

        dialogs.confirmAnswer = false;
        model.deleteSelected().get(30, TimeUnit.SECONDS);
        assertThat(model.datasets()).hasSize(2);
        assertThat(dialogs.confirmations.getFirst()).contains("'sales'").contains("cannot be undone");

        dialogs.confirmAnswer = true;
        model.deleteSelected().get(30, TimeUnit.SECONDS);
        assertThat(model.datasets()).extracting(Dataset::name).containsExactly("zoo");
        assertThat(model.selected().name()).isEqualTo("zoo");
        assertThat(app.engine().datasets().find("sales")).isEmpty();
    }

    @Test
    void searchFiltersTheListButKeepsTheSelection() throws Exception {
        Path in = tmp.resolve("in");
        importFile(SampleFiles.sales(in));
        importFile(SampleFiles.write(in.resolve("weather.csv"), "t,rain\n1.5,0\n2.5,1\n"));
        assertThat(model.selected().name()).isEqualTo("weather");

        model.searchProperty().set("SAL");
        assertThat(model.visibleDatasets()).extracting(Dataset::name).containsExactly("sales");
        assertThat(model.selected().name()).isEqualTo("weather");
        model.searchProperty().set("");
        assertThat(model.visibleDatasets()).hasSize(2);
    }

    @Test
    void theImportSheetRefusesATakenName() throws Exception {
        Path csv = SampleFiles.sales(tmp.resolve("in"));
        importFile(csv);
        dialogs.nextFile(csv);
        model.imports().chooseFile();
        ImportDraft again = model.imports().pendingProperty().get();
        assertThat(again.nameProblemProperty().get()).contains("already has a dataset named 'sales'");
        assertThat(model.imports().confirm()).isCompleted();
        assertThat(app.jobs().jobs()).hasSize(1);
        again.nameProperty().set("sales_2");
        model.imports().confirm().get(60, TimeUnit.SECONDS);
        assertThat(model.datasets()).extracting(Dataset::name).containsExactlyInAnyOrder("sales", "sales_2");
    }

    @Test
    void aLinkedImportReadsTheFileInPlace() throws Exception {
        Path csv = SampleFiles.sales(tmp.resolve("in"));
        dialogs.nextFile(csv);
        model.imports().chooseFile();
        model.imports().pendingProperty().get().modeProperty().set(StorageMode.LINK);
        model.imports().confirm().get(60, TimeUnit.SECONDS);

        Dataset linked = model.selected();
        assertThat(linked.storageMode()).isEqualTo(StorageMode.LINK);
        assertThat(linked.location()).isEqualTo(csv.toAbsolutePath().normalize());
        dialogs.confirmAnswer = true;
        model.deleteSelected().get(30, TimeUnit.SECONDS);
        assertThat(dialogs.confirmations.getFirst()).contains("is not touched");
        assertThat(Files.exists(csv)).isTrue();
    }

    @Test
    void switchingTheWorkspaceShowsTheOtherOnesDatasets() throws Exception {
        importFile(SampleFiles.sales(tmp.resolve("in")));
        app.switchEngine(Engine.create(tmp.resolve("ws2")));
        assertThat(model.datasets()).isEmpty();
        assertThat(model.selected()).isNull();
        assertThat(model.previewProperty().get()).isNull();

        app.switchEngine(null);
        assertThat(model.workspaceOpenProperty().get()).isFalse();
        app.switchEngine(Engine.open(workspace));
        assertThat(model.datasets()).extracting(Dataset::name).isEqualTo(List.of("sales"));
    }

    @Test
    void withoutAWorkspaceImportExplainsInsteadOfAsking() {
        app.switchEngine(null);
        assertThat(model.imports().chooseFile()).isFalse();
        assertThat(dialogs.chooserExtensions).isEmpty();
        assertThat(dialogs.infos).extracting(RecordingDialogs.Shown::title).containsExactly("No workspace");
    }

    @Test
    void leavingUnsavedSchemaEditsAsksFirst() throws Exception {
        Path in = tmp.resolve("in");
        Dataset sales = importFile(SampleFiles.sales(in));
        Dataset zoo = importFile(SampleFiles.write(in.resolve("zoo.csv"), "x,y\n1,2\n3,4\n"));
        assertThat(model.select(sales)).isTrue();
        model.schema().rows().get(3).roleProperty().set(ColumnRole.TARGET);

        dialogs.confirmAnswer = false;
        assertThat(model.select(zoo)).isFalse();
        assertThat(model.selected().name()).isEqualTo("sales");
        assertThat(model.schema().dirtyProperty().get()).isTrue();
        assertThat(dialogs.confirmations).singleElement().asString().contains("'sales'");

        model.refresh().get(30, TimeUnit.SECONDS); // re-reading the list keeps the edits and asks nothing
        assertThat(model.schema().dirtyProperty().get()).isTrue();
        assertThat(dialogs.confirmations).hasSize(1);

        dialogs.confirmAnswer = true;
        assertThat(model.select(zoo)).isTrue();
        assertThat(model.selected().name()).isEqualTo("zoo");
        assertThat(model.schema().dirtyProperty().get()).isFalse();
    }

    @Test
    void aDroppedFileOpensTheSheetOnlyWhenImportable() throws Exception {
        Path csv = SampleFiles.sales(tmp.resolve("in"));
        Path doc = SampleFiles.write(tmp.resolve("in/notes.docx"), "x");
        assertThat(ImportFlow.isImportable(csv)).isTrue();
        assertThat(ImportFlow.isImportable(SampleFiles.write(tmp.resolve("in/log.jsonl.gz"), "x"))).isTrue();
        assertThat(ImportFlow.isImportable(doc)).isFalse();
        assertThat(ImportFlow.isImportable(tmp.resolve("in"))).isFalse();

        model.imports().open(csv);
        assertThat(model.imports().pendingProperty().get().source()).isEqualTo(csv.toAbsolutePath());
        model.imports().dismiss();
        assertThat(model.imports().pendingProperty().get()).isNull();
        assertThat(app.jobs().jobs()).isEmpty();
    }

    @Test
    void revealSelectsADatasetById() throws Exception {
        Path in = tmp.resolve("in");
        Dataset sales = importFile(SampleFiles.sales(in));
        importFile(SampleFiles.write(in.resolve("zoo.csv"), "x,y\n1,2\n"));
        model.reveal(sales.id()).get(30, TimeUnit.SECONDS);
        assertThat(model.selected().id()).isEqualTo(sales.id());
        assertThat(model.previewProperty().get().rows()).hasSize(6);
    }
}
