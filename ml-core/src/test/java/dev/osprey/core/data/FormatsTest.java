package dev.osprey.core.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTest {
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

    @Test
    void parquetWrittenByDuckDb() throws Exception {
        Path pq = tmp.resolve("sales.parquet");
        try (var c = DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
            st.execute("COPY (SELECT range AS id, range * 1.5 AS amount, 'r' || (range % 3) AS region FROM range(100))"
                    + " TO '" + pq + "' (FORMAT parquet)");
        }
        Dataset d = fx.importCopy(pq);
        assertThat(d.format()).isEqualTo(DataFormat.PARQUET);
        assertThat(d.rowCount()).isEqualTo(100);
        assertThat(d.columns()).extracting(Column::type).containsExactly(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.CATEGORY);
        assertThat(d.column("id").orElseThrow().role()).isEqualTo(ColumnRole.ID);
        assertThat(fx.service.preview(d.id(), 2).rows().get(1)).containsExactly(1L, 1.5, "r1");
    }

    @Test
    void jsonArrayWithNestedValues() throws Exception {
        Dataset d = fx.importCopy(fx.write("orders.json",
                "[{\"order\":1,\"total\":9.5,\"items\":[1,2]},\n {\"order\":2,\"total\":3,\"items\":[],\"note\":\"late\"}]"));
        assertThat(d.format()).isEqualTo(DataFormat.JSON);
        assertThat(d.rowCount()).isEqualTo(2);
        assertThat(d.columns()).extracting(Column::name).containsExactly("order", "total", "items", "note");
        assertThat(d.column("items").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
        assertThat(d.column("note").orElseThrow().missing()).isEqualTo(1);
        assertThat(fx.service.preview(d.id(), 5).rows().get(0)).containsExactly(1L, 9.5, "[1,2]", null);
    }

    @Test
    void jsonLinesGzipped() throws Exception {
        Path gz = tmp.resolve("events.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            for (int i = 0; i < 500; i++) {
                out.write(("{\"n\":" + i + ",\"kind\":\"k" + (i % 4) + "\"}\n").getBytes());
            }
        }
        Dataset d = fx.importCopy(gz);
        assertThat(d.format()).isEqualTo(DataFormat.JSONL);
        assertThat(d.name()).isEqualTo("events");
        assertThat(d.location().getFileName().toString()).isEqualTo("events.jsonl.gz");
        assertThat(d.rowCount()).isEqualTo(500);
        assertThat(d.column("kind").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
    }

    @Test
    void arffWithQuotedNamesNominalsMissingValuesAndComments() throws Exception {
        String arff = """
                % Weather data, after Quinlan's example
                % second comment line
                @relation weather

                @attribute outlook {sunny, overcast, 'rainy day'}
                @attribute temperature numeric
                @attribute 'hum idity' real
                @attribute windy integer
                @attribute play {yes,no}

                @data
                sunny,85,85,0,no
                overcast,?,86,1,yes

                'rainy day',70,96,0,yes
                """;
        Dataset d = fx.importCopy(fx.write("weather.arff", arff));
        assertThat(d.format()).isEqualTo(DataFormat.ARFF);
        assertThat(d.rowCount()).isEqualTo(3);
        assertThat(d.columns()).extracting(Column::name).containsExactly("outlook", "temperature", "hum idity", "windy", "play");
        assertThat(d.columns()).extracting(Column::type).containsExactly(ColumnType.CATEGORY, ColumnType.DECIMAL,
                ColumnType.DECIMAL, ColumnType.INTEGER, ColumnType.CATEGORY);
        assertThat(d.column("temperature").orElseThrow().missing()).isEqualTo(1);
        assertThat(fx.service.preview(d.id(), 5).rows().get(2)).containsExactly("rainy day", 70.0, 96.0, 0L, "yes");
    }

    @Test
    void arffWithQuotedNominalsAndCommentsInTheDataIsRefusedRatherThanMisread() throws Exception {
        String arff = "@relation r\n@attribute a {x, 'y z'}\n@attribute b numeric\n@data\nx,1\n% note\n'y z',2\n";
        assertThatThrownBy(() -> fx.importCopy(fx.write("c.arff", arff))).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Line 6: expected 2 fields, found 1");
    }

    @Test
    void arffWithoutQuotesInTheHeaderAndCommentsInTheData() throws Exception {
        String arff = """
                @RELATION iris

                % a comment inside the header, and the next line is blank

                @ATTRIBUTE sepal REAL
                @ATTRIBUTE seen DATE "yyyy-MM-dd HH:mm:ss"
                @ATTRIBUTE class {setosa,versicolor}
                @DATA
                5.1,'2024-01-02 10:11:12',setosa
                % a comment between rows
                4.9,'2024-01-03 00:00:00',versicolor
                """;
        Dataset d = fx.importCopy(fx.write("iris.arff", arff));
        assertThat(d.rowCount()).isEqualTo(2);
        assertThat(d.column("seen").orElseThrow().type()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(fx.service.preview(d.id(), 5).rows().get(0))
                .containsExactly(5.1, LocalDateTime.of(2024, 1, 2, 10, 11, 12), "setosa");
    }
}
