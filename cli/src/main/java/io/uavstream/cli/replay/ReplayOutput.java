package io.uavstream.cli.replay;

import io.uavstream.schemas.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the committed events of one replay back from its output topic. */
final class ReplayOutput {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private ReplayOutput() {}

    /** Returns the end offsets (read-committed) of every partition of {@code topic}. */
    static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return new HashMap<>(consumer.endOffsets(partitions, TIMEOUT));
        }
    }

    /**
     * Reads the records of {@code topic} between the offsets and returns those whose replay ID is
     * {@code replayId}, partition by partition in offset order. Partitions missing from the start
     * offsets are read from their beginning.
     */
    static <T extends SpecificRecord> List<T> read(String bootstrapServers, ReplayResult.OutputOffsets offsets, Class<T> type, Function<T, CharSequence> replayIdOf, String replayId) {
        AvroCodec<T> codec = AvroCodec.of(type);
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers))) {
            Map<TopicPartition, Long> end = offsets.after();
            for (TopicPartition partition : end.keySet().stream().sorted(
                    java.util.Comparator.comparingInt(TopicPartition::partition)).toList()) {
                long from = offsets.before().getOrDefault(partition, 0L);
                long until = end.get(partition);
                consumer.assign(List.of(partition));
                consumer.seek(partition, from);
                long position = from;
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (position < until && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() >= until) {
                            break;
                        }
                        T value = codec.decode(record.value());
                        if (Objects.equals(String.valueOf(replayIdOf.apply(value)), replayId)) {
                            records.add(value);
                        }
                    }
                    position = consumer.position(partition);
                }
                if (position < until) {
                    throw new IllegalStateException("Timed out after " + TIMEOUT + " reading " + partition
                            + " at offset " + position + " of " + until);
                }
            }
        }
        return records;
    }

    private static Properties properties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "uavstream-replay-output");
        return properties;
    }
}
