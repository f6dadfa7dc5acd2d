package dev.osprey.core.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Early forces only add syncs: the file's bytes and the writer's stream are untouched, and close waits for them. */
class BackgroundSyncTest {
    @TempDir
    Path tmp;

    @Test
    void forcesWhileWritingWithoutDisturbingTheStream() throws Exception {
        Path file = tmp.resolve("out.part");
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        try (FileOutputStream out = new FileOutputStream(file.toFile()); BackgroundSync sync = new BackgroundSync(file)) {
            for (int i = 0; i < 12; i++) {
                block[0] = (byte) ('a' + i);
                out.write(block);
                sync.wrote(block.length);
            }
        }
        byte[] back = Files.readAllBytes(file);
        assertThat(back).hasSize(12 << 20);
        for (int i = 0; i < 12; i++) {
            assertThat(back[i << 20]).isEqualTo((byte) ('a' + i));
        }
    }

    /** Whether the force was still running when close() came is up to the disk; either way the interrupt is kept. */
    @Test
    void closeKeepsTheCallersInterruptAndTheFile() throws Exception {
        Path file = Files.write(tmp.resolve("small.part"), new byte[16]);
        BackgroundSync sync = new BackgroundSync(file);
        sync.wrote(BackgroundSync.EVERY);
        Thread.currentThread().interrupt();
        try {
            sync.close();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(Files.size(file)).isEqualTo(16);
    }
}
