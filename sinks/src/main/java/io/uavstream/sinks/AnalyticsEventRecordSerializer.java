package io.uavstream.sinks;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.AnalyticsEvent;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Serializes an {@link AnalyticsEvent} to a Kafka record: key the drone ID (UTF-8), so that each
 * drone's events keep their order in one partition, and value the Avro binary encoding. The record
 * timestamp is left to the producer (send time), since the capture time is in the value.
 */
final class AnalyticsEventRecordSerializer implements KafkaRecordSerializationSchema<AnalyticsEvent> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private transient AvroCodec<AnalyticsEvent> codec;

    AnalyticsEventRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        if (codec == null) {
            codec = AvroCodec.of(AnalyticsEvent.class);
        }
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(AnalyticsEvent event, KafkaSinkContext context, Long timestamp) {
        byte[] key = event.getDroneId().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, null, key, codec.encode(event));
    }
}
