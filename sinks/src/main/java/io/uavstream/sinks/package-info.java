/**
 * Flink sinks of the uavstream job: {@link io.uavstream.schemas.FrameDetections} and
 * {@link io.uavstream.schemas.DeadLetter} to Kafka as Avro ({@link AvroKafkaSinkBuilder}), and
 * detections to JSON-lines files ({@link JsonLinesFileSink}).
 */
package io.uavstream.sinks;
