package io.uavstream.video;

/**
 * Raised when a stream declares or decodes frames wider or taller than the decoder's configured
 * maximum, before any scaling buffer for that size is allocated.
 */
public final class FrameTooLargeException extends VideoDecodingException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR_TYPE = "FRAME_TOO_LARGE";

    private final int width;
    private final int height;

    public FrameTooLargeException(int width, int height, int maxWidth, int maxHeight, String source) {
        super(String.format(
                "Frame size %dx%d from %s exceeds the maximum of %dx%d; raise the maximum frame size "
                        + "if such streams are expected",
                width, height, source, maxWidth, maxHeight));
        this.width = width;
        this.height = height;
    }

    /** Returns the rejected frame width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the rejected frame height in pixels. */
    public int height() {
        return height;
    }

    @Override
    public String errorType() {
        return ERROR_TYPE;
    }
}
