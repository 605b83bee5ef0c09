package io.uavstream.video;

/** Raised when FFmpeg cannot open a decoder with a stream's codec configuration (extradata). */
public final class InvalidCodecConfigException extends VideoDecodingException {
    private static final long serialVersionUID = 1L;

    public static final String ERROR_TYPE = "INVALID_CODEC_CONFIG";

    public InvalidCodecConfigException(String message) {
        super(message);
    }

    @Override
    public String errorType() {
        return ERROR_TYPE;
    }
}
