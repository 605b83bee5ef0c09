package io.uavstream.video;

/**
 * Raised when {@link PacketDecoder} cannot decode a stream or one of its access units. Each
 * subclass names one cause, and {@link #errorType()} returns a stable category for dead letters.
 */
public abstract class VideoDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected VideoDecodingException(String message) {
        super(message);
    }

    protected VideoDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Returns the machine-readable category of the failure, for example {@code UNSUPPORTED_CODEC}. */
    public abstract String errorType();
}
