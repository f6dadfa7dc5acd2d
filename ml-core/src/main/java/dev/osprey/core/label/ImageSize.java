package dev.osprey.core.label;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** An image's width and height from its header, without decoding the pixels. */
public record ImageSize(int width, int height) {
    public static ImageSize of(Path image) throws LabelException {
        if (!Files.isRegularFile(image)) {
            throw new LabelException("image " + image + " is missing; its size is needed to place the boxes");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new LabelException(image + " is not an image this machine can read (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new LabelException("cannot read the size of " + image + ": " + e.getMessage(), e);
        }
    }
}
