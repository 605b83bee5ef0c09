package io.uavstream.video;

/**
 * Raised when FFmpeg rejects an access unit, for example because its bitstream is truncated or
 * malformed. The decoder stays open, but frames that reference the lost picture may be damaged, so
 * callers should resume at the next keyframe.
 */
public final class InvalidAccessUnitException extends VideoDecodingException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR_TYPE = "UNDECODABLE_ACCESS_UNIT";

    public InvalidAccessUnitException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return ERROR_TYPE;
    }
}
