package io.uavstream.operators;

import io.uavstream.schemas.VideoPacket;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stream parameters that a native decoder is opened with, taken from the keyframe that opened it.
 *
 * @param codec FFmpeg codec name, for example {@code h264}
 * @param codecConfig FFmpeg extradata (SPS/PPS for H.264), or null when the stream carries it in band
 * @param width frame width in pixels that the demuxer reported, 0 when unknown
 * @param height frame height in pixels that the demuxer reported, 0 when unknown
 */
record StreamParameters(String codec, byte[] codecConfig, int width, int height) {

    StreamParameters {
        Objects.requireNonNull(codec, "codec");
    }

    /** Returns the parameters that {@code keyframe} declares. */
    static StreamParameters of(VideoPacket keyframe) {
        byte[] codecConfig = keyframe.getCodecConfig() == null ? null : DecodeFunction.bytes(keyframe.getCodecConfig());
        return new StreamParameters(keyframe.getCodec(), codecConfig, keyframe.getWidth(), keyframe.getHeight());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamParameters that
                && codec.equals(that.codec)
                && Arrays.equals(codecConfig, that.codecConfig)
                && width == that.width
                && height == that.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, Arrays.hashCode(codecConfig), width, height);
    }

    @Override
    public String toString() {
        return codec + " " + width + "x" + height + " with "
                + (codecConfig == null ? "no" : codecConfig.length + " bytes of") + " codec configuration";
    }
}
