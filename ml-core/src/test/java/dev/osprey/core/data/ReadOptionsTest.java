package dev.osprey.core.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOptionsTest {
    @Test
    void roundTripsThroughJsonWithAwkwardCharacters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("delim", "\t");
        params.put("quote", "\"");
        params.put("escape", "\\");
        params.put("new_line", "\\r\\n");
        params.put("header", "true");
        ReadOptions o = new ReadOptions(DataFormat.TSV, params, List.of(
                new ReadOptions.SourceColumn("naïve \"name\"", "VARCHAR"),
                new ReadOptions.SourceColumn("kind", "ENUM('a', 'b''c')")));
        ReadOptions back = ReadOptions.fromJson(o.toJson());
        assertThat(back).isEqualTo(o);
        assertThat(back.toJson()).isEqualTo(o.toJson());
    }

    @Test
    void tableFunctionQuotesPathsAndNames() {
        ReadOptions o = new ReadOptions(DataFormat.CSV, Map.of("header", "true"),
                List.of(new ReadOptions.SourceColumn("it's", "BIGINT")));
        assertThat(o.tableFunction(Path.of("/data/o'brien.csv")))
                .isEqualTo("read_csv('/data/o''brien.csv', auto_detect=false, header=true, columns={'it''s': 'BIGINT'})");
    }

    @Test
    void duckDbMessagesBecomeShortSentences() {
        ImportException e = DuckErrors.translate(new SQLException("""
                Invalid Input Error: CSV Error on Line: 5
                Original Line: 3,z,4,5
                Expected Number of Columns: 3 Found: 4
                * Disable the parser's strict mode"""), DataFormat.CSV);
        assertThat(e).hasMessage("Line 5: expected 3 fields, found more than 3.");
        assertThat(e.line()).hasValue(5);
        assertThat(DuckErrors.translate(new SQLException("IO Error: something odd\nmore"), DataFormat.CSV))
                .hasMessage("something odd");
    }

    @Test
    void idLikeNames() {
        assertThat(List.of("id", "ID", "customer_id", "CustomerId", "order-ID", "userID")).allMatch(Scan::idLike);
        assertThat(List.of("paid", "PAID", "valid", "idea", "width", "Idaho")).noneMatch(Scan::idLike);
    }
}
