package io.uavstream.operators;

import io.uavstream.schemas.FlightTelemetry;
import io.uavstream.schemas.VideoPacket;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An access unit that a drone's native decoder consumed, kept in keyed state so that the decoder
 * can be rebuilt by decoding it again. Besides the bytes, it keeps the fields that its frame
 * inherits ({@link FrameOrigin}), except the session, which is the drone's current one.
 *
 * @param ptsMicros presentation timestamp in microseconds
 * @param dtsMicros decoding timestamp in microseconds
 * @param captureTimeMicros capture time, UTC microseconds since the epoch
 * @param publishedAtMicros Kafka timestamp of the record, UTC microseconds, or null when unknown
 * @param telemetry the drone's telemetry that the access unit carried, or null; never modified
 * @param accessUnit the encoded bytes, in an array that belongs to this object and is never modified
 */
record RetainedAccessUnit(
        long sequence,
        long ptsMicros,
        long dtsMicros,
        boolean keyframe,
        long captureTimeMicros,
        Long publishedAtMicros,
        FlightTelemetry telemetry,
        byte[] accessUnit) {

    RetainedAccessUnit {
        Objects.requireNonNull(accessUnit, "accessUnit");
    }

    /** Returns the unit of {@code packet}, with a copy of its bytes, as the decoder receives it from {@code origin}. */
    static RetainedAccessUnit of(VideoPacket packet, FrameOrigin origin) {
        ByteBuffer bytes = packet.getAccessUnit().duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new RetainedAccessUnit(packet.getSequence(), packet.getPtsMicros(), packet.getDtsMicros(),
                packet.getKeyframe(), origin.captureTimeMicros(), origin.publishedAtMicros(), origin.telemetry(), copy);
    }

    /** Returns the origin that the frame of this unit inherits in session {@code sessionId}. */
    FrameOrigin origin(String sessionId) {
        return new FrameOrigin(sessionId, sequence, captureTimeMicros, publishedAtMicros, telemetry);
    }

    /** Returns the size of the encoded bytes. */
    int size() {
        return accessUnit.length;
    }
}
