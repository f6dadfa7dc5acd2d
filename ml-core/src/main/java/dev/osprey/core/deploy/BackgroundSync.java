package dev.osprey.core.deploy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces a file that is being written to disk in the background, every few megabytes, so the
 * force before the atomic rename ({@code AtomicFiles.commit}) finds little left to write and the
 * disk works while the scoring threads do. It only adds forces: the one before the rename still
 * runs and is what makes the output durable. Its own channel on the file (fsync is per file, not
 * per descriptor), so a cancel that interrupts the forcing thread cannot close the output stream.
 */
final class BackgroundSync implements AutoCloseable {
    /** Bytes written between two forces. */
    static final long EVERY = 4L << 20;

    private final Path file;
    private long unsynced;
    private Thread running;
    /** Opened by the first force, on its thread; volatile so close() sees it. */
    private volatile FileChannel channel;

    BackgroundSync(Path file) {
        this.file = file;
    }

    /** Counts {@code bytes} more written to the file; starts a force when enough are and none is running. */
    void wrote(long bytes) {
        unsynced += bytes;
        if (unsynced < EVERY || running != null && running.isAlive()) {
            return;
        }
        unsynced = 0;
        running = Thread.ofPlatform().daemon().name("osprey-batch-sync").start(this::force);
    }

    private void force() {
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            }
            channel.force(false);
        } catch (IOException e) {
            // an early force only saves time later; the force before the rename reports a real failure
        }
    }

    /** Waits for a force in progress (a cancel interrupts it) and closes the channel. */
    @Override
    public void close() {
        Thread t = running;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                t.interrupt();
                Thread.currentThread().interrupt();
            }
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was written through this channel
            }
        }
    }
}
