package dev.osprey.labeling;

import dev.osprey.core.label.ImageSize;
import dev.osprey.core.label.LabelException;
import javafx.scene.image.Image;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decodes images off the FX thread, downscaled to at most {@code maxSide} pixels (a 12-megapixel
 * photo is shown on a 2-megapixel screen), and keeps the last few. With decode-ahead on, the
 * items after the current one are decoded while the annotator works, so "submit" shows the next
 * image without a wait.
 */
public final class ImageLoader implements AutoCloseable {
    private final Path root;
    private final int maxSide;
    private final boolean decodeAhead;
    private final ExecutorService decoder = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "osprey-image-decoder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<DecodedImage>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<DecodedImage>> eldest) {
            return size() > 12;
        }
    };

    public ImageLoader(Path root, int maxSide, boolean decodeAhead) {
        this.root = root;
        this.maxSide = maxSide;
        this.decodeAhead = decodeAhead;
    }

    /** The image at {@code source} (relative to the workspace, or absolute), decoded or being decoded. */
    public synchronized CompletableFuture<DecodedImage> load(String source) {
        return cache.computeIfAbsent(source, s -> CompletableFuture.supplyAsync(() -> decode(s), decoder));
    }

    /** Starts decoding the next few items (no-op when decode-ahead is off). */
    public void prefetch(List<String> sources) {
        if (!decodeAhead) {
            return;
        }
        sources.stream().limit(4).forEach(this::load);
    }

    private DecodedImage decode(String source) {
        Path file = root.resolve(source);
        ImageSize size;
        try {
            size = ImageSize.of(file);
        } catch (LabelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        double scale = Math.min(1.0, (double) maxSide / Math.max(size.width(), size.height()));
        Image img = new Image(file.toUri().toString(), Math.max(1, size.width() * scale), Math.max(1, size.height() * scale),
                true, true, false);
        if (img.isError()) {
            throw new IllegalStateException("cannot show " + file + ": " + img.getException().getMessage());
        }
        return new DecodedImage(img, size.width(), size.height());
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }
}
