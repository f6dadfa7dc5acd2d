package dev.osprey.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes a large, valid CSV fast: one block of varied lines, repeated through a big buffer. */
final class BigCsv {
    static final String HEADER = "a,b,c,d,e,f\n";

    private BigCsv() {
    }

    /** Writes at least {@code bytes} bytes and returns the number of data rows. */
    static long write(Path file, long bytes) throws IOException {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        int linesPerBlock = 20_000;
        for (int i = 0; i < linesPerBlock; i++) {
            sb.append(r.nextInt(100)).append(',').append(String.format("%.3f", r.nextDouble() * 1000)).append(",cat")
                    .append(r.nextInt(20)).append(',').append(r.nextInt(1_000_000)).append(",2024-01-")
                    .append(String.format("%02d", 1 + r.nextInt(28))).append(",some text ").append(r.nextInt(1_000_000)).append('\n');
        }
        byte[] block = sb.toString().getBytes(StandardCharsets.US_ASCII);
        long rows = 0;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 8 << 20)) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            long written = HEADER.length();
            while (written < bytes) {
                out.write(block);
                written += block.length;
                rows += linesPerBlock;
            }
        }
        return rows;
    }
}
