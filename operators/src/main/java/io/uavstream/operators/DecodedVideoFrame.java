package io.uavstream.operators;

import io.uavstream.models.BgrImage;
import io.uavstream.schemas.FlightTelemetry;

/**
 * A decoded, clean frame on its way from {@link DecodeFunction} to {@link DetectFunction}, with the
 * fields of the access unit that completed it. It contains megabytes of pixels, so it must never be
 * serialized: its type information ({@link DecodedVideoFrameTypeInfo}) rejects that, and the two
 * functions run chained in one task.
 *
 * @param captureTimeMicros capture time, UTC microseconds since the epoch
 * @param publishedAtMicros Kafka timestamp of the access unit's record, UTC microseconds, or null
 * @param telemetry the drone's telemetry that the access unit carried, or null; never modified
 */
record DecodedVideoFrame(
        String droneId,
        String sessionId,
        long sequence,
        long ptsMicros,
        long captureTimeMicros,
        Long publishedAtMicros,
        FlightTelemetry telemetry,
        BgrImage image) {}
