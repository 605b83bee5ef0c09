package io.uavstream.operators;

import io.uavstream.video.FrameTooLargeException;
import io.uavstream.video.InvalidAccessUnitException;
import io.uavstream.video.InvalidCodecConfigException;
import io.uavstream.video.UnsupportedCodecException;

/** Values of {@code DeadLetter.errorType}: stable categories for alerting and replay tools. */
public final class DeadLetterErrors {

    /** The value is not a complete Avro {@code VideoPacket}: garbage, another schema, or null. */
    public static final String MALFORMED_RECORD = "MALFORMED_RECORD";

    /** The record key is missing or differs from the packet's drone ID. */
    public static final String KEY_MISMATCH = "KEY_MISMATCH";

    /** A field is out of range, for example a negative sequence or an empty access unit. */
    public static final String INVALID_FIELD = "INVALID_FIELD";

    /** The codec is unknown or not supported by the decoder. */
    public static final String UNSUPPORTED_CODEC = UnsupportedCodecException.ERROR_TYPE;

    /** The frames are larger than the configured maximum frame size. */
    public static final String FRAME_TOO_LARGE = FrameTooLargeException.ERROR_TYPE;

    /** FFmpeg cannot open a decoder with the codec configuration. */
    public static final String INVALID_CODEC_CONFIG = InvalidCodecConfigException.ERROR_TYPE;

    /** FFmpeg rejected the access unit. */
    public static final String UNDECODABLE_ACCESS_UNIT = InvalidAccessUnitException.ERROR_TYPE;

    /**
     * A record of the analytics control topic is not a valid zone and line document for the drone
     * of its key: invalid JSON or definitions, a missing key, or entries for another drone.
     */
    public static final String INVALID_DEFINITION = "INVALID_DEFINITION";

    /**
     * A model record of the control topic names no usable model: invalid JSON, an unknown bundled
     * model ID, a relative or missing path, or a model that fails to open. The dead letter's
     * {@code droneId} is the drone of the record key, or {@code *} for the fleet.
     */
    public static final String INVALID_MODEL = "INVALID_MODEL";

    private DeadLetterErrors() {}
}
