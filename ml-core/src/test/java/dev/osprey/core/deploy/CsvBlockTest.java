package dev.osprey.core.deploy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte-level CSV splitter and its number reader: exactly Double.parseDouble's value, or "not plain". */
class CsvBlockTest {
    private static CsvBlock block(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new CsvBlock(b, b.length, 0, (byte) ',', -1);
    }

    /** Every field of every record as {text, plainNumber}. */
    private static List<Object[]> fields(String text) {
        CsvBlock.Cursor c = block(text).cursor();
        List<Object[]> out = new ArrayList<>();
        while (c.nextRecord()) {
            for (int f = 0; f < c.fieldCount(); f++) {
                out.add(new Object[] {c.text(f), c.plainNumber(f)});
            }
        }
        return out;
    }

    private static void assertSameAsParseDouble(List<String> texts) {
        String line = String.join(",", texts) + "\n";
        List<Object[]> got = fields(line);
        assertThat(got).hasSameSizeAs(texts);
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            double v = (double) got.get(i)[1];
            assertThat(got.get(i)[0]).isEqualTo(t);
            if (!Double.isNaN(v)) {
                long expected = Double.doubleToRawLongBits(Double.parseDouble(t));
                if (Double.doubleToRawLongBits(v) != expected) {
                    throw new AssertionError(t + ": ours " + v + ", parseDouble " + Double.parseDouble(t));
                }
            }
        }
    }

    @Test
    void plainDecimalsReadExactlyAsParseDoubleReadsThem() {
        SplittableRandom r = new SplittableRandom(4180);
        List<String> batch = new ArrayList<>();
        int plain = 0;
        for (int i = 0; i < 2_000_000; i++) {
            int digits = r.nextInt(1, 19);
            StringBuilder sb = new StringBuilder();
            int pick = r.nextInt(10);
            if (pick == 0) {
                sb.append('-');
            } else if (pick == 1) {
                sb.append('+');
            }
            int point = r.nextInt(-1, digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (point == digits) {
                sb.append('.');
            }
            batch.add(sb.toString());
            if (!Double.isNaN((double) fields(sb + "\n").getFirst()[1])) {
                plain++;
            }
            if (batch.size() == 1000) {
                assertSameAsParseDouble(batch);
                batch.clear();
            }
        }
        // Most random decimals of up to 18 digits are read on the fast path (the rest have a mantissa over 2^53).
        assertThat(plain).isGreaterThan(1_000_000);
    }

    @Test
    void edgeValuesAreExactAndAnythingUnusualIsLeftToTheEncoder() {
        assertSameAsParseDouble(List.of("0", "-0", "+0", "0.0", "-0.0", ".5", "5.", "-.5", "007", "9007199254740992",
                "9007199254740993", "900719925474099.3", "0.1", "0.3", "123456789012345678", "1.00000000000000000",
                "999999999999999999", "0.000000000000000001", "4.35", "-2.5", "+1"));
        for (String s : List.of("1e5", "1E5", " 1", "1 ", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "-", "+", ".",
                "1.2.3", "--1", "+-1", "1-", "1234567890123456789", "12a", "١٢")) {
            assertThat((double) fields(s + "\n").getFirst()[1]).as(s).isNaN();
            assertThat(fields(s + "\n").getFirst()[0]).isEqualTo(s);
        }
        assertThat((double) fields("\"12\"\n").getFirst()[1]).as("a quoted number goes to the encoder as text").isNaN();
    }

    @Test
    void crlfEndsBlankLinesQuotedBreaksAndTheLinesCounted() {
        CsvBlock.Cursor c = block("1,2.5\r\n\r\n\n\"a\nb\",3\r\n4\r,5\n6,7").cursor();
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.line()).isZero();
        assertThat(c.plainNumber(1)).isEqualTo(2.5);
        assertThat(c.raw()).isEqualTo("1,2.5");
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.line()).as("two blank lines skipped").isEqualTo(3);
        assertThat(c.text(0)).isEqualTo("a\nb");
        assertThat(c.plainNumber(1)).as("the CR of a CRLF is no part of the field").isEqualTo(3.0);
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.line()).isEqualTo(5);
        assertThat(c.plainNumber(0)).as("a CR inside a line is text").isNaN();
        assertThat(c.text(0)).isEqualTo("4\r");
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.plainNumber(1)).as("the last record ends without a line break").isEqualTo(7.0);
        assertThat(c.nextRecord()).isFalse();
        assertThat(c.linesPassed()).isEqualTo(6);
    }

    /** A record copied raw into joined output must read back as its fields: else it is re-quoted field by field. */
    @Test
    void onlyRecordsThatNeedNoQuotingAreCopiedRaw() {
        CsvBlock.Cursor c = block("1,ab\n2,5\" pipe\n3,x\ry\n4,z\r").cursor();
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.isPlain()).isTrue();
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.text(1)).isEqualTo("5\" pipe");
        assertThat(c.isPlain()).as("a quote inside unquoted text needs quoting when written").isFalse();
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.isPlain()).as("so does a CR inside a line").isFalse();
        assertThat(c.nextRecord()).isTrue();
        assertThat(c.isPlain()).isTrue();
        assertThat(c.text(1)).isEqualTo("z");
        assertThat(c.raw()).as("the CR ending the file's last line is no part of the record").isEqualTo("4,z");
        assertThat(c.nextRecord()).isFalse();
    }
}
