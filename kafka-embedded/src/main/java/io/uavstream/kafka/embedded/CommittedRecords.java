package io.uavstream.kafka.embedded;

import io.uavstream.schemas.AvroCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's committed records with a {@code read_committed} consumer, so that a test gets
 * the records that a downstream consumer of an exactly-once job receives.
 *
 * <p>A job's last commit returns before the broker has written the transaction markers, so the
 * last stable offset can lag the log end for a moment after the job ends. The readers wait, up to
 * {@link #STABLE_TIMEOUT}, until no transaction is open, and then read up to the stable offsets.
 */
public final class CommittedRecords {

    /** Maximum wait for open transactions to complete before reading. */
    public static final Duration STABLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    /** Largest record a reader fetches: 16 MiB records plus batch framing. */
    private static final int MAX_PARTITION_FETCH_BYTES = 17 * 1024 * 1024;

    private CommittedRecords() {}

    /** Reads every partition of {@code topic} from the start up to its last stable offset. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers, true))) {
            Set<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = stableEnds(consumer, partitions, logEnds(bootstrapServers, partitions));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(POLL).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads and decodes every committed value of {@code topic}, as {@link #readAll} does. */
    public static <T extends SpecificRecord> List<T> readValues(String bootstrapServers, String topic, Class<T> type) {
        AvroCodec<T> codec = AvroCodec.of(type);
        return readAll(bootstrapServers, topic).stream().map(record -> codec.decode(record.value())).toList();
    }

    /** Returns the log end offset of partition 0 of {@code topic}, which counts transaction markers too. */
    public static long endOffset(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        return logEnds(bootstrapServers, Set.of(partition)).get(partition);
    }

    private static Set<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toSet());
    }

    private static Map<TopicPartition, Long> logEnds(String bootstrapServers, Set<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers, false))) {
            return consumer.endOffsets(partitions);
        }
    }

    private static Map<TopicPartition, Long> stableEnds(KafkaConsumer<byte[], byte[]> consumer,
            Set<TopicPartition> partitions, Map<TopicPartition, Long> logEnds) {
        long deadline = System.nanoTime() + STABLE_TIMEOUT.toNanos();
        Map<TopicPartition, Long> stable = consumer.endOffsets(partitions);
        while (!caughtUp(stable, logEnds) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for open transactions on " + partitions, e);
            }
            stable = consumer.endOffsets(partitions);
        }
        return stable;
    }

    private static boolean caughtUp(Map<TopicPartition, Long> stable, Map<TopicPartition, Long> logEnds) {
        return logEnds.entrySet().stream().allMatch(end -> stable.get(end.getKey()) >= end.getValue());
    }

    private static Properties properties(String bootstrapServers, boolean readCommitted) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_PARTITION_FETCH_BYTES));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }
}
