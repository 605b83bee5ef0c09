/**
 * Flink sinks of the uavstream job: {@link io.uavstream.schemas.FrameDetections},
 * {@link io.uavstream.schemas.TrackEvent} and {@link io.uavstream.schemas.DeadLetter} to Kafka as
 * Avro ({@link AvroKafkaSinkBuilder}), and detections and track events to JSON-lines files
 * ({@link JsonLinesFileSink}).
 */
package io.uavstream.sinks;
