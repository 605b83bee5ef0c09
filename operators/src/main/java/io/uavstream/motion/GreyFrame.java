package io.uavstream.motion;

/**
 * Downscaled 8-bit grey copy of a decoded frame, row by row without padding, on which the camera
 * motion is estimated.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param pixels {@code width * height} grey values
 * @param sourceWidth width in pixels of the decoded frame it was made from
 * @param sourceHeight height in pixels of the decoded frame it was made from
 */
public record GreyFrame(int width, int height, byte[] pixels, int sourceWidth, int sourceHeight) {

    public GreyFrame {
        if (width < 1 || height < 1 || sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException("GreyFrame sizes must be positive, got " + width + "x" + height
                    + " from " + sourceWidth + "x" + sourceHeight);
        }
        if (pixels == null || pixels.length != width * height) {
            throw new IllegalArgumentException("GreyFrame of " + width + "x" + height + " needs " + width * height
                    + " pixels, got " + (pixels == null ? "null" : pixels.length));
        }
    }

    /** Returns the grey frame's width divided by the decoded frame's width. */
    public double scaleX() {
        return (double) width / sourceWidth;
    }

    /** Returns the grey frame's height divided by the decoded frame's height. */
    public double scaleY() {
        return (double) height / sourceHeight;
    }

    /** Returns whether both frames were made from decoded frames of the same size, with the same downscaling. */
    public boolean sameGeometry(GreyFrame other) {
        return width == other.width && height == other.height
                && sourceWidth == other.sourceWidth && sourceHeight == other.sourceHeight;
    }
}
