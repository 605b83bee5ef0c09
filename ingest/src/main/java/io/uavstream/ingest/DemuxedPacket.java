package io.uavstream.ingest;

import io.uavstream.schemas.CaptureTimeSource;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One encoded access unit of the video stream, with the fields of a {@link VideoPacket} that the
 * demuxer provides. All times are in microseconds. The arrays are not copied, and {@code equals}
 * compares them by identity.
 *
 * @param ptsMicros presentation timestamp, relative to the stream's time base origin
 * @param dtsMicros decoding timestamp; equal to the PTS when the container gives none
 * @param durationMicros duration, or 0 when unknown
 * @param captureTimeMicros capture time, UTC microseconds since the epoch
 * @param captureTimeSource where the capture time comes from
 * @param keyframe whether decoding can start here ({@code AV_PKT_FLAG_KEY})
 * @param corrupt whether FFmpeg flagged the data as damaged ({@code AV_PKT_FLAG_CORRUPT})
 * @param codecConfig codec extradata on keyframes and the first packet, otherwise null
 * @param accessUnit the packet data exactly as FFmpeg returned it
 * @param bytePosition byte offset of the packet in the source, or -1 when unknown
 * @param stream the stream this packet belongs to
 */
public record DemuxedPacket(
        long ptsMicros,
        long dtsMicros,
        long durationMicros,
        long captureTimeMicros,
        CaptureTimeSource captureTimeSource,
        boolean keyframe,
        boolean corrupt,
        byte[] codecConfig,
        byte[] accessUnit,
        long bytePosition,
        StreamInfo stream) {

    /** Builds the Avro record for this access unit. The arrays are shared, not copied. */
    public VideoPacket toVideoPacket(String droneId, String sessionId, long sequence) {
        return VideoPacket.newBuilder()
                .setDroneId(droneId)
                .setSessionId(sessionId)
                .setSequence(sequence)
                .setPtsMicros(ptsMicros)
                .setDtsMicros(dtsMicros)
                .setDurationMicros(durationMicros)
                .setCaptureTimeMicros(toInstant(captureTimeMicros))
                .setCaptureTimeSource(captureTimeSource)
                .setKeyframe(keyframe)
                .setCodec(stream.codec())
                .setWidth(stream.width())
                .setHeight(stream.height())
                .setCodecConfig(codecConfig == null ? null : ByteBuffer.wrap(codecConfig))
                .setAccessUnit(ByteBuffer.wrap(accessUnit))
                .setEndOfStream(false)
                .build();
    }

    /**
     * Builds the end-of-stream marker that follows this access unit, the last of its session: no
     * access unit, {@code endOfStream} set, and timestamps at the end of this access unit.
     */
    public VideoPacket endOfStreamAfter(String droneId, String sessionId, long sequence) {
        return endOfStreamBuilder(droneId, sessionId, sequence, stream)
                .setPtsMicros(ptsMicros + durationMicros)
                .setDtsMicros(dtsMicros + durationMicros)
                .setCaptureTimeMicros(toInstant(captureTimeMicros + durationMicros))
                .setCaptureTimeSource(captureTimeSource)
                .build();
    }

    /** Builds the end-of-stream marker of a session that demuxed no access unit, with timestamps 0. */
    public static VideoPacket endOfEmptyStream(
            String droneId, String sessionId, long sequence, StreamInfo stream, Instant captureTime) {
        return endOfStreamBuilder(droneId, sessionId, sequence, stream)
                .setPtsMicros(0)
                .setDtsMicros(0)
                .setCaptureTimeMicros(captureTime)
                .setCaptureTimeSource(CaptureTimeSource.WALL_CLOCK_PLUS_PTS)
                .build();
    }

    private static VideoPacket.Builder endOfStreamBuilder(
            String droneId, String sessionId, long sequence, StreamInfo stream) {
        return VideoPacket.newBuilder()
                .setDroneId(droneId)
                .setSessionId(sessionId)
                .setSequence(sequence)
                .setDurationMicros(0)
                .setKeyframe(false)
                .setCodec(stream.codec())
                .setWidth(stream.width())
                .setHeight(stream.height())
                .setCodecConfig(null)
                .setAccessUnit(ByteBuffer.allocate(0))
                .setEndOfStream(true);
    }

    private static Instant toInstant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
