package io.uavstream.ingest;

import java.util.OptionalDouble;

/**
 * The video stream that a {@link StreamDemuxer} selected.
 *
 * @param codec FFmpeg codec name, for example {@code h264}
 * @param width coded frame width in pixels
 * @param height coded frame height in pixels
 * @param framesPerSecond average frame rate, or 0 when the container does not state one
 * @param durationSeconds total media duration when the container states or FFmpeg estimates one,
 *     empty for live sources
 */
public record StreamInfo(String codec, int width, int height, double framesPerSecond, OptionalDouble durationSeconds) {}
