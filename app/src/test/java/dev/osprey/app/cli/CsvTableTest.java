package dev.osprey.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryCellAsTextAndWritesItBackUnchanged() throws Exception {
        Path f = tmp.resolve("in.csv");
        Files.writeString(f, "id,name,score\n007,\"Smith, J\",1.50\n8,\"say \"\"hi\"\"\",\n");
        CsvTable t = CsvTable.read(f);
        assertThat(t.header()).containsExactly("id", "name", "score");
        assertThat(t.rows()).hasSize(2);
        assertThat(Arrays.asList(t.rows().get(0))).containsExactly("007", "Smith, J", "1.50");
        assertThat(Arrays.asList(t.rows().get(1))).containsExactly("8", "say \"hi\"", null);
        StringWriter out = new StringWriter();
        CsvTable.write(out, t.header(), t.rows());
        assertThat(out.toString()).isEqualTo(Files.readString(f));
    }

    @Test
    void keepsLeadingRowsThatLookLikeAPreamble() throws Exception {
        Path f = tmp.resolve("odd.csv");
        Files.writeString(f, "a,b\nx,1\n1,2\n3,4\n");
        assertThat(CsvTable.read(f).rows()).hasSize(3);
    }

    @Test
    void tabSeparatedByExtension() throws Exception {
        Path f = tmp.resolve("in.tsv");
        Files.writeString(f, "a\tb\n1,5\t2\n");
        CsvTable t = CsvTable.read(f);
        assertThat(t.header()).containsExactly("a", "b");
        assertThat(Arrays.asList(t.rows().get(0))).containsExactly("1,5", "2");
    }

    @Test
    void anUnreadableFileIsOneClearFailure() throws Exception {
        Path f = tmp.resolve("ragged.csv");
        Files.writeString(f, "a,b\n1,2\n3,4,5,6\n");
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> CsvTable.read(f));
        assertThat(e.getMessage()).isEqualTo("Cannot read " + f + " as CSV: line 3 has 4 fields, the header has 2.");
        Path open = tmp.resolve("open.csv");
        Files.writeString(open, "a,b\n1,\"2\n3,4\n");
        CliException e2 = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> CsvTable.read(open));
        assertThat(e2.getMessage()).endsWith("line 2 opens a quote that is never closed.");
        assertThat(CsvTable.quote("plain")).isEqualTo("plain");
        assertThat(List.of(CsvTable.quote("a\nb"), CsvTable.quote(null))).containsExactly("\"a\nb\"", "");
    }
}
