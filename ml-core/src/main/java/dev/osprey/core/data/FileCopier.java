package dev.osprey.core.data;

import dev.osprey.core.job.JobCancelledException;
import dev.osprey.core.job.JobContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.DoubleConsumer;

/** Copies a file in chunks, hashing it on the way, reporting bytes copied and stopping on cancel. */
final class FileCopier {
    private static final int CHUNK = 1 << 20;

    private FileCopier() {
    }

    /** Copies {@code source} over {@code target} (which the caller created) and returns the SHA-256 in hex. */
    static String copy(Path source, Path target, JobContext context, DoubleConsumer progress) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long total = Math.max(1, in.size());
            long done = 0;
            long lastReport = 0;
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
            while (true) {
                if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new JobCancelledException();
                }
                buf.clear();
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                buf.flip();
                sha.update(buf.duplicate());
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                done += n;
                if (done - lastReport >= 16L * CHUNK) {
                    progress.accept((double) done / total);
                    lastReport = done;
                }
            }
            progress.accept(1);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
