package io.uavstream.video;

/** Raised when a stream's codec is unknown to FFmpeg or not one that {@link PacketDecoder} supports. */
public final class UnsupportedCodecException extends VideoDecodingException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR_TYPE = "UNSUPPORTED_CODEC";

    public UnsupportedCodecException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return ERROR_TYPE;
    }
}
