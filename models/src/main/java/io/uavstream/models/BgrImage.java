package io.uavstream.models;

import java.util.Objects;

/**
 * A packed 8-bit BGR image, row by row without padding: the pixel at (x, y) starts at byte
 * {@code 3 * (y * width + x)}. This is FFmpeg's {@code AV_PIX_FMT_BGR24} layout.
 *
 * <p>The pixel array is shared, not copied; owners that reuse a buffer must not hand the image
 * to another thread.
 */
public record BgrImage(int width, int height, byte[] pixels) {

    public BgrImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "Image size must be positive, got " + width + "x" + height);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length < 3L * width * height) {
            throw new IllegalArgumentException("Pixel buffer of " + pixels.length
                    + " bytes is too small for a " + width + "x" + height + " BGR image");
        }
    }
}
