package io.uavstream.sinks;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes {@link DeadLetter} to a Kafka record. The key is the drone ID (UTF-8) when known,
 * otherwise the original record key, and the value is the Avro binary encoding.
 *
 * <p>A dead letter carries the original value, which may itself be close to
 * {@link Topics#MAX_MESSAGE_BYTES}. When the encoded dead letter would not fit in one Kafka
 * record, the original key and value are omitted and the reason records the omission. The job keeps running and the
 * source offset still identifies the record. Each omission is logged and counted in the
 * {@value #OMITTED_VALUES_METRIC} counter.
 */
final class DeadLetterRecordSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRecordSerializer.class);

    /** Counter of dead letters written without their original key and value. */
    static final String OMITTED_VALUES_METRIC = "deadLetterValuesOmitted";

    /**
     * Bytes kept free below {@link Topics#MAX_MESSAGE_BYTES} for the record's key, headers and
     * batch framing, which the producer counts against {@code max.request.size}.
     */
    static final int RECORD_OVERHEAD_BYTES = 16 * 1024;

    private final String topic;
    private final int maxValueBytes;
    private transient AvroCodec<DeadLetter> codec;
    private transient Counter omittedValues;

    DeadLetterRecordSerializer(String topic) {
        this(topic, Topics.MAX_MESSAGE_BYTES - RECORD_OVERHEAD_BYTES);
    }

    DeadLetterRecordSerializer(String topic, int maxValueBytes) {
        this.topic = topic;
        this.maxValueBytes = maxValueBytes;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        // The exactly-once Kafka writer of connector 5.0.0 calls open twice on one instance, and a
        // second registration of the counter would return a counter that is never reported.
        if (codec == null) {
            codec = AvroCodec.of(DeadLetter.class);
            omittedValues = context.getMetricGroup().counter(OMITTED_VALUES_METRIC, new SimpleCounter());
        }
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
        byte[] key = keyOf(deadLetter);
        byte[] value = codec.encode(deadLetter);
        if (value.length + (key == null ? 0 : key.length) > maxValueBytes) {
            DeadLetter trimmed = withoutOriginalRecord(deadLetter, value.length);
            key = keyOf(trimmed);
            value = codec.encode(trimmed);
        }
        return new ProducerRecord<>(topic, null, null, key, value);
    }

    private DeadLetter withoutOriginalRecord(DeadLetter deadLetter, int encodedBytes) {
        omittedValues.inc();
        LOG.warn("Dead letter of drone {} from {}-{} at offset {} is {} bytes, over the limit of {};"
                        + " writing it without the original key and value",
                deadLetter.getDroneId(), deadLetter.getSourceTopic(), deadLetter.getSourcePartition(),
                deadLetter.getSourceOffset(), encodedBytes, maxValueBytes);
        ByteBuffer originalValue = deadLetter.getRecordValue();
        int valueBytes = originalValue == null ? 0 : originalValue.remaining();
        return DeadLetter.newBuilder(deadLetter)
                .setRecordKey(null)
                .setRecordValue(null)
                .setReason(deadLetter.getReason() + " (original key and value of " + valueBytes
                        + " bytes omitted: the dead letter would exceed the Kafka record limit)")
                .build();
    }

    private static byte[] keyOf(DeadLetter deadLetter) {
        if (deadLetter.getDroneId() != null) {
            return deadLetter.getDroneId().getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer recordKey = deadLetter.getRecordKey();
        if (recordKey == null) {
            return null;
        }
        byte[] key = new byte[recordKey.remaining()];
        recordKey.duplicate().get(key);
        return key;
    }
}
