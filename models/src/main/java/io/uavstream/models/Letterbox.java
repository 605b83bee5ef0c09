package io.uavstream.models;

/**
 * Letterbox geometry: where a source image lands inside the model input after a resize that
 * keeps its aspect ratio, and the mapping of points between the two. All coordinates are in
 * pixels, with (0, 0) the top-left corner of the first pixel.
 *
 * @param sourceWidth width of the source image
 * @param sourceHeight height of the source image
 * @param contentWidth width of the resized image inside the input, {@code round(sourceWidth *
 *     scale)}
 * @param contentHeight height of the resized image inside the input
 * @param offsetX left padding in input pixels
 * @param offsetY top padding in input pixels
 */
record Letterbox(int sourceWidth, int sourceHeight, int contentWidth, int contentHeight,
        int offsetX, int offsetY) {

    /**
     * Computes the letterbox of a {@code sourceWidth} x {@code sourceHeight} image in an input of
     * {@code inputWidth} x {@code inputHeight}. The scale is the largest at which the whole image
     * fits, and the resized size is rounded to whole pixels. {@link LetterboxAlignment#CENTER}
     * splits the padding and rounds the left and top part down.
     */
    static Letterbox of(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight,
            LetterboxAlignment alignment) {
        double scale = Math.min((double) inputWidth / sourceWidth,
                (double) inputHeight / sourceHeight);
        int contentWidth = clamp((int) Math.round(sourceWidth * scale), inputWidth);
        int contentHeight = clamp((int) Math.round(sourceHeight * scale), inputHeight);
        int offsetX = 0;
        int offsetY = 0;
        if (alignment == LetterboxAlignment.CENTER) {
            offsetX = (inputWidth - contentWidth) / 2;
            offsetY = (inputHeight - contentHeight) / 2;
        }
        return new Letterbox(sourceWidth, sourceHeight, contentWidth, contentHeight, offsetX,
                offsetY);
    }

    private static int clamp(int size, int max) {
        return Math.max(1, Math.min(size, max));
    }

    /** Returns the horizontal scale from source to input pixels. */
    double scaleX() {
        return (double) contentWidth / sourceWidth;
    }

    /** Returns the vertical scale from source to input pixels. */
    double scaleY() {
        return (double) contentHeight / sourceHeight;
    }

    /** Maps a source x coordinate into the input. */
    float toInputX(float sourceX) {
        return (float) (sourceX * scaleX() + offsetX);
    }

    /** Maps a source y coordinate into the input. */
    float toInputY(float sourceY) {
        return (float) (sourceY * scaleY() + offsetY);
    }

    /** Maps an input x coordinate back to the source and clips it to [0, sourceWidth]. */
    float toSourceX(float inputX) {
        return clip((float) ((inputX - offsetX) / scaleX()), sourceWidth);
    }

    /** Maps an input y coordinate back to the source and clips it to [0, sourceHeight]. */
    float toSourceY(float inputY) {
        return clip((float) ((inputY - offsetY) / scaleY()), sourceHeight);
    }

    private static float clip(float value, int max) {
        return Math.max(0f, Math.min(value, max));
    }
}
