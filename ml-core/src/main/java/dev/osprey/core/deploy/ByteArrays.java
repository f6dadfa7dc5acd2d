package dev.osprey.core.deploy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Byte arrays handed back after use for the next block or chunk to take (from any thread): a
 * transform otherwise allocates a fresh megabyte per block read and per chunk written, and the
 * young collections then copy every block still in flight. Bounded: past {@code max} arrays a
 * returned one is left to the collector.
 */
final class ByteArrays {
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final int max;

    ByteArrays(int max) {
        this.max = max;
    }

    /** An array of at least {@code min} bytes (its contents are left over from earlier use). */
    byte[] take(int min) {
        byte[] b = free.poll();
        if (b == null) {
            return new byte[min];
        }
        count.decrementAndGet();
        return b.length >= min ? b : new byte[min];
    }

    void give(byte[] b) {
        if (count.incrementAndGet() <= max) {
            free.offer(b);
        } else {
            count.decrementAndGet();
        }
    }
}
