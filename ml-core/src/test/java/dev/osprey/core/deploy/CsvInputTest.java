package dev.osprey.core.deploy;

import dev.osprey.core.data.DataFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting a file into blocks: whatever the block size, the same records on the same lines. */
class CsvInputTest {
    @TempDir
    Path tmp;

    /** Each record as "line|field|field|...", lines counted from the first data line (2). */
    private static List<String> records(Path file, int blockBytes) throws Exception {
        List<String> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file, DataFormat.CSV, blockBytes)) {
            long base = 2;
            for (CsvBlock b; (b = in.next()) != null; ) {
                CsvBlock.Cursor c = b.cursor();
                while (c.nextRecord()) {
                    StringBuilder sb = new StringBuilder().append(base + c.line());
                    for (int f = 0; f < c.fieldCount(); f++) {
                        sb.append('|').append(c.text(f)).append('=').append(c.plainNumber(f));
                    }
                    out.add(sb.toString());
                }
                base += c.linesPassed();
            }
        }
        return out;
    }

    @Test
    void everyBlockSizeGivesTheSameRecordsOnTheSameLines() throws Exception {
        SplittableRandom r = new SplittableRandom(99);
        StringBuilder text = new StringBuilder("\uFEFFname,a,b\r\n");
        int expected = 0;
        for (int i = 0; i < 3000; i++) {
            String eol = r.nextInt(3) == 0 ? "\r\n" : "\n";
            switch (r.nextInt(8)) {
                case 0 -> text.append("\"multi\nline, with \"\"quotes\"\"\",").append(i).append(",1.5").append(eol);
                case 1 -> text.append(eol); // a blank line: no record, but a line
                case 2 -> text.append("\"").append("x".repeat(r.nextInt(1, 3000))).append("\",").append(i).append(",").append(eol);
                case 3 -> text.append("5\" tall,").append(i).append(",-2").append(eol); // a quote inside an unquoted field
                default -> text.append("r").append(i).append(',').append(i).append(',').append(r.nextInt(100)).append(eol);
            }
        }
        text.append("last,1,2"); // no line break at the end
        Path file = Files.writeString(tmp.resolve("mixed.csv"), text, StandardCharsets.UTF_8);
        List<String> whole = records(file, 64 << 20);
        assertThat(whole).isNotEmpty();
        assertThat(whole.getLast()).startsWith(Long.toString(1 + text.chars().filter(ch -> ch == '\n').count()) + "|last");
        for (int blockBytes : new int[] {16, 100, 1024, 4096, 65_536}) {
            assertThat(records(file, blockBytes)).as("blocks of %d bytes", blockBytes).isEqualTo(whole);
        }
    }

    @Test
    void quoteFreeMatchesAPlainScan() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(0, 40)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) (r.nextInt(20) == 0 ? '"' : r.nextInt(256));
            }
            int from = b.length == 0 ? 0 : r.nextInt(b.length);
            int to = from + (b.length == from ? 0 : r.nextInt(b.length - from + 1));
            boolean naive = true;
            for (int k = from; k < to; k++) {
                naive &= b[k] != '"';
            }
            assertThat(CsvInput.quoteFree(b, from, to)).isEqualTo(naive);
        }
    }
}
