package dev.osprey.core.label;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * CPU-cheap image features: a 16 x 16 grey thumbnail (area-averaged) and an 8-bin histogram per
 * colour channel, 280 numbers in [0, 1]. Good enough to separate classes that differ in colour or
 * layout; for more, a user brings an embedding model (not built yet).
 */
public final class ImageFeatures {
    public static final int SIDE = 16;
    public static final int BINS = 8;
    public static final int SIZE = SIDE * SIDE + 3 * BINS;

    private ImageFeatures() {
    }

    public static double[] of(Path image) throws LabelException {
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new LabelException("cannot read image " + image + ": " + e.getMessage(), e);
        }
        if (img == null) {
            throw new LabelException(image + " is not an image this machine can read (PNG, JPEG, GIF, BMP)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        double[] grey = new double[SIDE * SIDE];
        int[] counts = new int[SIDE * SIDE];
        double[] hist = new double[3 * BINS];
        // sample at most ~256 x 256 pixels so a 12-megapixel photo costs the same as a thumbnail
        int step = Math.max(1, Math.max(w, h) / 256);
        int samples = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int cell = (y * SIDE / h) * SIDE + (x * SIDE / w);
                grey[cell] += (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
                counts[cell]++;
                hist[r * BINS / 256]++;
                hist[BINS + g * BINS / 256]++;
                hist[2 * BINS + b * BINS / 256]++;
                samples++;
            }
        }
        double[] out = new double[SIZE];
        for (int i = 0; i < grey.length; i++) {
            out[i] = counts[i] == 0 ? 0 : grey[i] / counts[i];
        }
        for (int i = 0; i < hist.length; i++) {
            out[SIDE * SIDE + i] = hist[i] / samples;
        }
        return out;
    }
}
