package dev.osprey.core.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvImportTest {
    @TempDir
    Path tmp;
    Fixture fx;

    @BeforeEach
    void open() throws Exception {
        fx = Fixture.create(tmp);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static String people(int rows) {
        StringBuilder sb = new StringBuilder("customer_id,age,income,city,joined,active,notes\n");
        String[] cities = {"Oslo", "Lima", "Pune"};
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(',').append(20 + i % 50).append(',').append(i % 7 == 0 ? "" : (1000 + i * 1.5)).append(',')
                    .append(cities[i % 3]).append(",2024-01-").append(String.format("%02d", 1 + i % 28)).append(',')
                    .append(i % 2 == 0).append(",\"note, number ").append(i).append("\"\n");
        }
        return sb.toString();
    }

    @Test
    void importsCsvCopyWithSchemaStatsAndRoles() throws Exception {
        Path csv = fx.write("people.csv", people(200));
        Dataset d = fx.importCopy(csv);

        assertThat(d.name()).isEqualTo("people");
        assertThat(d.format()).isEqualTo(DataFormat.CSV);
        assertThat(d.storageMode()).isEqualTo(StorageMode.COPY);
        assertThat(d.rowCount()).isEqualTo(200);
        assertThat(d.location()).isEqualTo(fx.workspace.dataDir().resolve("people.csv"));
        assertThat(Files.mismatch(d.location(), csv)).isEqualTo(-1);
        assertThat(d.fingerprint()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(d.sizeBytes()).isEqualTo(Files.size(csv));
        assertThat(d.columns()).extracting(Column::name)
                .containsExactly("customer_id", "age", "income", "city", "joined", "active", "notes");
        assertThat(d.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER,
                ColumnType.DECIMAL, ColumnType.CATEGORY, ColumnType.DATE, ColumnType.BOOLEAN, ColumnType.TEXT);
        assertThat(d.column("customer_id").orElseThrow().role()).isEqualTo(ColumnRole.ID);
        assertThat(d.column("age").orElseThrow().role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(d.target()).isEmpty();
        assertThat(d.column("income").orElseThrow().missing()).isEqualTo(200 / 7);
        assertThat(d.column("city").orElseThrow().distinct()).isEqualTo(3);
        assertThat(d.column("customer_id").orElseThrow().distinct()).isEqualTo(200);

        TablePreview p = fx.service.preview(d.id(), 3);
        assertThat(p.totalRows()).isEqualTo(200);
        assertThat(p.rows()).hasSize(3);
        assertThat(p.rows().get(0)).containsExactly(1L, 21L, 1001.5, "Lima", LocalDate.of(2024, 1, 2), false, "note, number 1");
    }

    @Test
    void storedReadOptionsAreExplicitSoLaterReadsDoNotSniff() throws Exception {
        Dataset d = fx.importCopy(fx.write("people.csv", people(20)));
        String sql = fx.service.selectSql(d);
        assertThat(sql).contains("auto_detect=false").contains("delim=','").contains("header=true")
                .contains("strict_mode=true").contains("'customer_id': 'BIGINT'");
        String stored = fx.workspace.catalog().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT read_options FROM dataset")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("{\"version\":1,\"format\":\"CSV\"");
        assertThat(ReadOptions.fromJson(stored).toJson()).isEqualTo(stored);
    }

    @Test
    void linkReadsInPlaceAndListsFromAnotherThread() throws Exception {
        Path csv = fx.write("linked.csv", people(50));
        Dataset d = fx.service.importFile(new ImportRequest(csv, "linked_people", null, StorageMode.LINK), null);
        assertThat(d.location()).isEqualTo(csv.toAbsolutePath());
        assertThat(d.fingerprint()).startsWith("size:");
        assertThat(fx.dataFiles()).isEmpty();
        assertThat(fx.service.find("linked_people")).contains(d);
        assertThat(fx.service.preview(d.id(), 100).rows()).hasSize(50);
    }

    @Test
    void tsvAndSemicolonFilesAreRead() throws Exception {
        Dataset tsv = fx.importCopy(fx.write("t.tsv", "a\tb\n1\tx y\n2\tz\n"));
        assertThat(tsv.format()).isEqualTo(DataFormat.TSV);
        assertThat(tsv.columns()).extracting(Column::name).containsExactly("a", "b");
        assertThat(tsv.rowCount()).isEqualTo(2);
        Dataset semi = fx.importCopy(fx.write("semi.csv", "a;b;c\n1;2;3\n4;5;6\n"));
        assertThat(semi.columns()).hasSize(3);
        assertThat(fx.service.preview(semi.id(), 5).rows().get(1)).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aValueBeyondTheSniffersSampleWidensTheColumnInsteadOfFailing() throws Exception {
        StringBuilder sb = new StringBuilder("n,m\n");
        for (int i = 0; i < 30_000; i++) {
            sb.append(i).append(',').append(i % 10).append('\n');
        }
        sb.append("1.5,abc\n");
        Dataset d = fx.importCopy(fx.write("late.csv", sb.toString()));
        assertThat(d.rowCount()).isEqualTo(30_001);
        assertThat(d.column("n").orElseThrow().type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(d.column("m").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
    }

    @Test
    void formatIsSniffedWhenTheExtensionSaysNothing() throws Exception {
        Dataset d = fx.importCopy(fx.write("export.dat", "x\ty\n1\t2\n3\t4\n"));
        assertThat(d.format()).isEqualTo(DataFormat.TSV);
        assertThat(d.location().getFileName().toString()).isEqualTo("export.tsv");
    }

    @Test
    void deleteRemovesTheCopyAndTheCatalogRow() throws Exception {
        Dataset d = fx.importCopy(fx.write("people.csv", people(5)));
        fx.service.delete(d.id());
        fx.assertLeftNothing();
        assertThat(Files.exists(tmp.resolve("people.csv"))).isTrue();
    }

    @Test
    void datasetsSurviveReopeningTheWorkspace() throws Exception {
        Dataset d = fx.importCopy(fx.write("people.csv", people(5)));
        fx.close();
        fx = Fixture.reopen(tmp);
        assertThat(fx.service.list()).containsExactly(d);
        assertThat(fx.service.preview(d.id(), 10).rows()).hasSize(5);
    }

    @Test
    void listIsSortedByName() throws Exception {
        fx.importCopy(fx.write("b.csv", "x\n1\n"));
        fx.importCopy(fx.write("a.csv", "x\n1\n"));
        assertThat(fx.service.list()).extracting(Dataset::name).isEqualTo(List.of("a", "b"));
    }
}
