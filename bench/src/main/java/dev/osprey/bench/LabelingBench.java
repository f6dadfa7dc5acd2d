package dev.osprey.bench;

import dev.osprey.core.label.LabelClass;
import dev.osprey.core.label.LabelJob;
import dev.osprey.core.label.LabelJobSpec;
import dev.osprey.core.label.LabelStore;
import dev.osprey.core.label.LabelTaskType;
import dev.osprey.core.workspace.Workspace;
import dev.osprey.labeling.ImageLoader;
import dev.osprey.labeling.LabelingPanel;
import dev.osprey.labeling.LabelingSession;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * {@code BenchMain label [--images N] [--dir D]}: (1) a job of 100,000 items, time from opening the
 * workspace to the first item in hand; (2) "next image shown after submit" on 4000 x 3000 JPEGs in a
 * real (headless) JavaFX scene, p50/p95, with decode-ahead on and off (the peer is the same panel
 * without decode-ahead). The annotator's think time between submits is simulated as 400 ms.
 */
public final class LabelingBench {
    private final Path dir;
    private final int images;
    private final PrintStream out;

    LabelingBench(Path dir, int images, PrintStream out) {
        this.dir = dir;
        this.images = images;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int images = 24;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "osprey-bench-label");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--images" -> images = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: BenchMain label [--images N] [--dir D]");
            }
        }
        new LabelingBench(dir, images, System.out).run();
    }

    void run() throws Exception {
        Files.createDirectories(dir);
        openLargeJob();
        Path photos = dir.resolve("photos");
        List<String> sources = photos(photos);
        if (System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each run closes its window; the toolkit must outlive it
        double[] without = nextImage(sources, false);
        double[] with = nextImage(sources, true);
        out.printf(Locale.ROOT, "label next-image 4000x3000 JPEG: decode-ahead p50 %.1f ms p95 %.1f ms | without p50 %.1f ms p95 %.1f ms"
                + " | ratio p95 %.2f (goal p95 < 50 ms)%n", with[0], with[1], without[0], without[1], with[1] / without[1]);
        Platform.exit();
    }

    private void openLargeJob() throws Exception {
        Path ws = dir.resolve("ws-100k");
        if (!Files.exists(ws.resolve(Workspace.CATALOG_FILE))) {
            try (Workspace w = Workspace.create(ws)) {
                new LabelStore(w).create(new LabelJobSpec("big", LabelTaskType.TEXT_CLASSIFICATION, LabelClass.of("a", "b"), "", 1),
                        IntStream.range(0, 100_000).mapToObj(i -> "text number " + i).toList());
            }
        }
        double[] ms = new double[5];
        for (int r = 0; r < ms.length; r++) {
            long t0 = System.nanoTime();
            try (Workspace w = Workspace.open(ws)) {
                LabelStore store = new LabelStore(w);
                LabelJob job = store.require("big");
                LabelingSession session = new LabelingSession(store, job, "ann");
                session.start();
                if (session.itemProperty().get() == null) {
                    throw new IllegalStateException("no first item");
                }
                ms[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        out.printf(Locale.ROOT, "label open 100,000-item job to first item: median %.1f ms, worst %.1f ms (goal < 1000 ms)%n",
                ms[ms.length / 2], ms[ms.length - 1]);
    }

    private List<String> photos(Path folder) throws Exception {
        Files.createDirectories(folder);
        List<String> out = new ArrayList<>();
        Random rnd = new Random(1);
        for (int i = 0; i < images; i++) {
            Path p = folder.resolve(String.format(Locale.ROOT, "photo%03d.jpg", i));
            out.add(p.toString());
            if (Files.exists(p)) {
                continue;
            }
            BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt(0xffffff)), 4000, 3000, new Color(rnd.nextInt(0xffffff))));
            g.fillRect(0, 0, 4000, 3000);
            for (int k = 0; k < 200; k++) {
                g.setColor(new Color(rnd.nextInt(0xffffff)));
                g.fillOval(rnd.nextInt(4000), rnd.nextInt(3000), 40 + rnd.nextInt(400), 40 + rnd.nextInt(400));
            }
            g.dispose();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream os = ImageIO.createImageOutputStream(p.toFile())) {
                writer.setOutput(os);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
        }
        return out;
    }

    /** Times submit -> next image on screen for every image; returns {p50, p95} in ms (the first, cold, is left out). */
    private double[] nextImage(List<String> sources, boolean decodeAhead) throws Exception {
        Path ws = dir.resolve("ws-photos-" + decodeAhead);
        if (Files.exists(ws)) {
            try (var s = Files.walk(ws)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Workspace w = Workspace.create(ws); ImageLoader loader = new ImageLoader(w.root(), 2048, decodeAhead)) {
            LabelStore store = new LabelStore(w);
            LabelJob job = store.create(new LabelJobSpec("photos", LabelTaskType.IMAGE_CLASSIFICATION, LabelClass.of("a", "b"), "", 1),
                    sources);
            LinkedBlockingQueue<Long> shown = new LinkedBlockingQueue<>();
            LabelingPanel[] panel = new LabelingPanel[1];
            onFx(() -> {
                LabelingSession session = new LabelingSession(store, job, "ann");
                panel[0] = new LabelingPanel(session, loader);
                panel[0].setOnShown(id -> shown.add(System.nanoTime()));
                Stage stage = new Stage();
                stage.setScene(new Scene(panel[0], 1400, 900));
                stage.show();
                panel[0].start();
            });
            shown.poll(60, TimeUnit.SECONDS);
            List<Double> ms = new ArrayList<>();
            for (int i = 1; i < sources.size(); i++) {
                Thread.sleep(400); // the annotator looks at the image and presses a key
                long[] t0 = new long[1];
                onFx(() -> {
                    try {
                        panel[0].session().edit(new dev.osprey.core.label.LabelValue.Classes(List.of(0)));
                        t0[0] = System.nanoTime();
                        panel[0].session().submit();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Long t1 = shown.poll(60, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new IllegalStateException("image " + i + " was never shown");
                }
                ms.add((t1 - t0[0]) / 1e6);
            }
            onFx(() -> panel[0].getScene().getWindow().hide());
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new double[]{sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1]};
        }
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] error = new Throwable[1];
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                error[0] = t;
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error[0] != null) {
            throw new IllegalStateException(error[0]);
        }
    }
}
