package io.uavstream.video;

/** Verdict on whether a decoded frame can be trusted. */
public enum FrameIntegrity {

    /** No damage was found. */
    CLEAN,

    /**
     * FFmpeg marked the frame as damaged: it set {@code AV_FRAME_FLAG_CORRUPT} or a
     * {@code decode_error_flags} bit, for example because it concealed lost or invalid macroblocks.
     */
    DECODER_REPORTED_DAMAGE,

    /**
     * FFmpeg reported no damage in this frame, but it follows a damaged frame or a rejected access
     * unit without a keyframe in between, so it may predict from damaged pixels. FFmpeg does not
     * flag such frames itself.
     */
    DAMAGED_REFERENCE,

    /**
     * The frame decoded without any FFmpeg error, but part of it appears in this frame only: its
     * pixels match neither the previous nor the next frame, even allowing for local motion. This is
     * how damage looks when it was baked into the pictures before encoding, for example a stream
     * re-encoded from a broken decode.
     */
    TRANSIENT_ARTEFACT;

    /** Returns whether the frame should not be trusted. */
    public boolean isCorrupt() {
        return this != CLEAN;
    }
}
