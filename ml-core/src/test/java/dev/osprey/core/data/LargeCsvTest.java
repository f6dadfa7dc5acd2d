package dev.osprey.core.data;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2 GB CSV is streamed, never loaded whole: DuckDB reads it in chunks where it lies (LINK), so
 * memory stays flat whatever the file size. Runs by default (about 15 s
 * here); exclude it with {@code -DexcludedGroups=large}.
 */
@Tag("large")
class LargeCsvTest {
    @TempDir
    Path tmp;

    @Test
    void importsATwoGigabyteCsvAsLink() throws Exception {
        Path big = tmp.resolve("two-gb.csv");
        try (Fixture fx = Fixture.create(tmp)) {
            long t0 = System.nanoTime();
            long rows = BigCsv.write(big, 2L << 30);
            long t1 = System.nanoTime();
            Dataset d = fx.service.importFile(new ImportRequest(big, "big", null, StorageMode.LINK), null);
            long t2 = System.nanoTime();
            double gb = Files.size(big) / 1e9;
            System.out.printf("2 GB CSV: %.2f GB, %d rows; written in %.1f s, imported (LINK, every row checked) in %.1f s = %.0f MB/s%n",
                    gb, rows, (t1 - t0) / 1e9, (t2 - t1) / 1e9, gb * 1000 / ((t2 - t1) / 1e9));
            assertThat(d.rowCount()).isEqualTo(rows);
            assertThat(d.columns()).hasSize(6);
            assertThat(fx.dataFiles()).isEmpty();
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
