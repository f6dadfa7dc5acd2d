package dev.osprey.server;

import dev.osprey.core.train.Prediction;
import dev.osprey.server.http.JsonText;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Data capture: a sample of requests (each request kept whole with probability
 * {@code samplePercent}) written as JSON Lines to {@code captures/ENDPOINT/YYYY-MM-DD.jsonl}
 * (UTC day), one line per row: time, request id, model, version, the input row by column name
 * and the prediction. The request path only offers a record to a bounded queue; a writer
 * thread formats and appends. When the queue is full the record is dropped and counted rather
 * than slowing requests. The file is an append-only log: a crash loses at most the lines not
 * yet flushed, never earlier ones.
 */
final class DataCapture implements AutoCloseable {
    private record Entry(Instant time, LoadedModel model, List<Object[]> rows, List<Prediction> predictions) {
    }

    private static final Entry STOP = new Entry(Instant.EPOCH, null, List.of(), List.of());

    private final Path dir;
    private final String endpoint;
    private final int samplePercent;
    private final ServerMetrics metrics;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread writer;
    private BufferedWriter out;
    private String day = "";

    DataCapture(Path dir, String endpoint, int samplePercent, ServerMetrics metrics) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.endpoint = endpoint;
        this.samplePercent = samplePercent;
        this.metrics = metrics;
        this.writer = Thread.ofPlatform().name("data-capture").daemon(true).start(this::writeLoop);
    }

    /** Called on the request path: a sampling draw and, if chosen, a non-blocking offer. */
    void offer(LoadedModel model, List<Object[]> rows, List<Prediction> predictions) {
        if (samplePercent < 100 && ThreadLocalRandom.current().nextInt(100) >= samplePercent) {
            return;
        }
        if (!queue.offer(new Entry(Instant.now(), model, rows, predictions))) {
            metrics.captureDropped();
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        try {
            while (true) {
                Entry first = queue.take();
                batch.add(first);
                queue.drainTo(batch, 999);
                boolean stop = false;
                for (Entry e : batch) {
                    if (e == STOP) {
                        stop = true;
                    } else {
                        write(e);
                    }
                }
                batch.clear();
                if (out != null) {
                    out.flush();
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println(Instant.now() + " ERROR data capture stopped: cannot write to " + dir + ": " + e.getMessage());
        } finally {
            closeFile();
        }
    }

    private void write(Entry e) throws IOException {
        String today = e.time().atZone(ZoneOffset.UTC).toLocalDate().toString();
        if (!today.equals(day)) {
            closeFile();
            out = Files.newBufferedWriter(dir.resolve(today + ".jsonl"), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            day = today;
        }
        String requestId = UUID.randomUUID().toString();
        StringBuilder sb = new StringBuilder(256);
        LoadedModel m = e.model();
        for (int r = 0; r < e.rows().size(); r++) {
            sb.setLength(0);
            sb.append("{\"time\":\"").append(e.time()).append("\",\"endpoint\":");
            JsonText.string(sb, endpoint);
            sb.append(",\"request_id\":\"").append(requestId).append("\",\"row\":").append(r + 1).append(",\"model\":");
            JsonText.string(sb, m.name());
            sb.append(",\"version\":").append(m.version()).append(",\"input\":{");
            Object[] row = e.rows().get(r);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                JsonText.string(sb, m.inputNames()[c]);
                sb.append(':');
                value(sb, row[c]);
            }
            sb.append("},\"output\":");
            PredictionFormat.json(sb, e.predictions().get(r), m);
            sb.append("}\n");
            out.write(sb.toString());
            metrics.captured();
        }
    }

    private static void value(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Number n -> JsonText.number(sb, n.doubleValue());
            case Boolean b -> sb.append(b);
            default -> JsonText.string(sb, v.toString());
        }
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the lines already flushed are on disk
            }
            out = null;
        }
    }

    /** Writes what is queued, then stops the writer (waits up to {@code millis}). */
    @Override
    public void close() {
        close(5000);
    }

    void close(long millis) {
        try {
            if (queue.offer(STOP, millis, TimeUnit.MILLISECONDS)) {
                writer.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
