package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterRecordSerializerTest {

    private static final int MAX_VALUE_BYTES = 4096;

    private final AvroCodec<DeadLetter> codec = AvroCodec.of(DeadLetter.class);
    private final DeadLetterRecordSerializer serializer =
            new DeadLetterRecordSerializer("dead-letters", MAX_VALUE_BYTES);

    @BeforeEach
    void open() {
        serializer.open(new TestInitializationContext(), null);
    }

    @Test
    void serializerKeysByDroneId() {
        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(TestRecords.deadLetter("drone-b", 7, new byte[] {1, 2}), null, null);

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("drone-b");
        assertThat(record.topic()).isEqualTo("dead-letters");
        assertThat(codec.decode(record.value()).getSourceOffset()).isEqualTo(7);
    }

    @Test
    void serializerWithoutDroneIdHasNullKey() {
        DeadLetter deadLetter = TestRecords.deadLetter(null, 7, new byte[] {1, 2});

        assertThat(serializer.serialize(deadLetter, null, null).key()).isNull();
    }

    @Test
    void serializerKeepsSmallOriginalValue() {
        ProducerRecord<byte[], byte[]> record =
                serializer.serialize(TestRecords.deadLetter("drone-b", 7, new byte[] {1, 2}), null, null);

        assertThat(codec.decode(record.value()).getRecordValue().remaining()).isEqualTo(2);
    }

    @Test
    void serializerOmitsOversizedOriginalValue() {
        DeadLetter deadLetter = TestRecords.deadLetter("drone-b", 9, new byte[MAX_VALUE_BYTES]);

        ProducerRecord<byte[], byte[]> record = serializer.serialize(deadLetter, null, null);
        DeadLetter written = codec.decode(record.value());

        assertThat(record.value().length).isLessThanOrEqualTo(MAX_VALUE_BYTES);
        assertThat(written.getRecordValue()).isNull();
        assertThat(written.getSourceOffset()).isEqualTo(9);
        assertThat(written.getReason()).contains("omitted");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("drone-b");
    }

    private static final class TestInitializationContext
            implements SerializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }
}
