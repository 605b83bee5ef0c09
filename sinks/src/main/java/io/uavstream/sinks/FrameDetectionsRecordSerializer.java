package io.uavstream.sinks;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.FrameDetections;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Serializes {@link FrameDetections} to a Kafka record: key the drone ID (UTF-8), value the
 * Avro binary encoding. The record timestamp is left to the producer (send time), since the
 * capture time is in the value.
 */
final class FrameDetectionsRecordSerializer implements KafkaRecordSerializationSchema<FrameDetections> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private transient AvroCodec<FrameDetections> codec;

    FrameDetectionsRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        if (codec == null) {
            codec = AvroCodec.of(FrameDetections.class);
        }
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            FrameDetections detections, KafkaSinkContext context, Long timestamp) {
        byte[] key = detections.getDroneId().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, null, key, codec.encode(detections));
    }
}
