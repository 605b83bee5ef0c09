package io.uavstream.operators;

/**
 * The fields of an access unit that its decoded frame inherits.
 *
 * @param captureTimeMicros capture time, UTC microseconds since the epoch
 * @param publishedAtMicros Kafka timestamp of the record, UTC microseconds, or null when unknown
 */
record FrameOrigin(String sessionId, long sequence, long captureTimeMicros, Long publishedAtMicros) {}
