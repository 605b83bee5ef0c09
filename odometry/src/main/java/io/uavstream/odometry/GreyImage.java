package io.uavstream.odometry;

/**
 * 8-bit grey image, row by row without padding: the input of the odometry. Use
 * {@link FrameConversion#toGrey} to convert a packed BGR24 frame.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param pixels {@code width * height} grey values
 */
public record GreyImage(int width, int height, byte[] pixels) {

    public GreyImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("GreyImage size must be positive, got " + width + "x" + height);
        }
        if (pixels == null || pixels.length != width * height) {
            throw new IllegalArgumentException("GreyImage of " + width + "x" + height + " needs " + width * height
                    + " pixels, got " + (pixels == null ? "null" : pixels.length));
        }
    }
}
