package dev.osprey.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic CSV of a given size from a fixed seed: the same bytes on every machine, so
 * figures from different runs compare. Columns mix what real tables hold: an id, integers,
 * decimals, a low-cardinality category, free text with quotes now and then, a boolean, a date,
 * and some empty cells.
 */
public final class CsvGenerator {
    static final String HEADER = "id,age,income,score,segment,city,comment,active,signup_date,ratio";
    private static final String[] SEGMENTS = {"consumer", "corporate", "home_office", "small_business", "public"};
    private static final String[] CITIES = {"Berlin", "Lisbon", "Oslo", "Kraków", "Dublin", "Tallinn", "Porto",
            "Lyon", "Graz", "Turku", "Bergen", "Ghent"};
    private static final String[] WORDS = {"fast", "delivery", "late", "great", "product", "support", "refund",
            "quality", "price", "again", "never", "always", "box", "colour", "size"};

    private CsvGenerator() {
    }

    /** What was written. */
    public record Generated(Path file, long rows, long bytes) {
    }

    /** Writes rows until the file has at least {@code targetBytes}; returns the row count. */
    public static Generated write(Path file, long targetBytes, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        CountingWriter counter;
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            counter = new CountingWriter(out);
            counter.write(HEADER);
            counter.write('\n');
            StringBuilder line = new StringBuilder(160);
            while (counter.bytes < targetBytes) {
                line.setLength(0);
                row(line, ++rows, rnd);
                counter.write(line.toString());
            }
        }
        return new Generated(file, rows, Files.size(file));
    }

    static void row(StringBuilder sb, long id, SplittableRandom rnd) {
        sb.append(id).append(',');
        if (rnd.nextInt(50) == 0) {
            sb.append(','); // a missing age
        } else {
            sb.append(18 + rnd.nextInt(70)).append(',');
        }
        fixed(sb, 15_000 + rnd.nextDouble() * 185_000, 2).append(',');
        fixed(sb, rnd.nextGaussian(), 5).append(',');
        sb.append(SEGMENTS[rnd.nextInt(SEGMENTS.length)]).append(',');
        sb.append(CITIES[rnd.nextInt(CITIES.length)]).append(',');
        comment(sb, rnd);
        sb.append(',').append(rnd.nextBoolean()).append(',');
        sb.append(2015 + rnd.nextInt(10)).append('-');
        pad2(sb, 1 + rnd.nextInt(12)).append('-');
        pad2(sb, 1 + rnd.nextInt(28)).append(',');
        if (rnd.nextInt(20) != 0) {
            fixed(sb, rnd.nextDouble(), 4);
        }
        sb.append('\n');
    }

    private static void comment(StringBuilder sb, SplittableRandom rnd) {
        int words = 2 + rnd.nextInt(8);
        boolean quoted = rnd.nextInt(10) == 0;
        if (quoted) {
            sb.append('"');
        }
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        if (quoted) {
            sb.append(", said \"\"").append(WORDS[rnd.nextInt(WORDS.length)]).append("\"\"\"");
        }
    }

    /** {@code value} with {@code decimals} fraction digits; String.format would dominate the run time. */
    static StringBuilder fixed(StringBuilder sb, double value, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale).append('.');
        String frac = Long.toString(scaled % scale);
        sb.append("0".repeat(decimals - frac.length())).append(frac);
        return sb;
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Counts UTF-8 bytes as they are written, so the loop needs no file-size calls. */
    private static final class CountingWriter {
        private final Writer out;
        private long bytes;

        CountingWriter(Writer out) {
            this.out = out;
        }

        void write(String s) throws IOException {
            out.write(s);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }

        void write(char c) throws IOException {
            write(String.valueOf(c));
        }
    }
}
