package io.uavstream.operators;

import io.uavstream.schemas.FlightTelemetry;

/**
 * The fields of an access unit that its decoded frame inherits.
 *
 * @param captureTimeMicros capture time, UTC microseconds since the epoch
 * @param publishedAtMicros Kafka timestamp of the record, UTC microseconds, or null when unknown
 * @param telemetry the drone's telemetry that the access unit carried, or null; never modified
 */
record FrameOrigin(String sessionId, long sequence, long captureTimeMicros, Long publishedAtMicros,
        FlightTelemetry telemetry) {}
