package dev.osprey.labeling;

import javafx.scene.image.Image;

/** A decoded image for display (possibly downscaled) with the original's size, in which boxes are kept. */
public record DecodedImage(Image image, int originalWidth, int originalHeight) {
    /** Display pixels per original pixel. */
    public double scale() {
        return image.getWidth() / originalWidth;
    }
}
