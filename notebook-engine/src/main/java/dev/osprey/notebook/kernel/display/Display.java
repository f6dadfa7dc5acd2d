package dev.osprey.notebook.kernel.display;

import dev.osprey.notebook.kernel.agent.DisplayFrames;
import dev.osprey.notebook.kernel.agent.KernelAgent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Rich display inside the kernel JVM. {@code display(x)} (imported into every kernel) shows a
 * value where the cell is; the kernel calls {@link #result} for a cell's last expression.
 * A Smile {@code DataFrame} becomes a table, a {@link BufferedImage} or {@link Chart} a PNG,
 * {@link Markdown} and {@link Html} render, anything else is its {@code toString()}.
 *
 * <p>This package runs only in the kernel JVM (it may use java.awt there, headless); nothing in
 * the studio's JVM loads it.
 */
public final class Display {
    static final int MAX_TEXT = 100_000;

    private Display() {
    }

    /** Shows {@code value} in the cell's output, at this point of the cell's output. */
    public static void display(Object value) {
        KernelAgent.send(DisplayFrames.DISPLAY, bundle(value));
    }

    /** Sends {@code value} as the cell's result (the kernel calls this; a cell uses {@link #display}). */
    public static void result(Object value) {
        KernelAgent.send(DisplayFrames.RESULT, bundle(value));
    }

    /** The mime bundle of a value; always has text/plain. */
    public static Map<String, String> bundle(Object value) {
        Map<String, String> b = new LinkedHashMap<>();
        switch (value) {
            case null -> b.put("text/plain", "null");
            case Markdown m -> {
                b.put("text/markdown", m.text());
                b.put("text/plain", m.text());
            }
            case Html h -> {
                b.put("text/html", h.html());
                b.put("text/plain", h.html().replaceAll("<[^>]*>", "").strip());
            }
            case Chart c -> b.putAll(bundle(c.toImage()));
            case BufferedImage img -> {
                b.put("image/png", png(img));
                b.put("text/plain", "image " + img.getWidth() + "x" + img.getHeight());
            }
            default -> {
                if (Tables.isDataFrame(value)) {
                    b.putAll(Tables.bundle(value));
                } else {
                    b.put("text/plain", cap(text(value)));
                }
            }
        }
        return b;
    }

    static String png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalArgumentException("no PNG writer for this image type");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String text(Object value) {
        return switch (value) {
            case Object[] a -> Arrays.deepToString(a);
            case int[] a -> Arrays.toString(a);
            case long[] a -> Arrays.toString(a);
            case double[] a -> Arrays.toString(a);
            case float[] a -> Arrays.toString(a);
            case boolean[] a -> Arrays.toString(a);
            case char[] a -> Arrays.toString(a);
            case byte[] a -> Arrays.toString(a);
            case short[] a -> Arrays.toString(a);
            default -> String.valueOf(value);
        };
    }

    static String cap(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "\n… (" + (s.length() - MAX_TEXT) + " more characters)";
    }
}
