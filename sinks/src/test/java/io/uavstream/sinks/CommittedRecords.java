package io.uavstream.sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every committed record of a topic with a {@code read_committed} consumer. */
final class CommittedRecords {

    private CommittedRecords() {}

    /** Longest wait for the broker to complete the last transaction's markers. */
    private static final Duration STABLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Reads partition 0 of {@code topic} from the start up to its last stable offset, once no
     * transaction is open: a job's final commit returns before the broker has written its
     * markers, so the stable offset can lag the log end for a moment.
     */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic)
            throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = stableEnd(consumer, partition, endOffset(bootstrapServers, topic));
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static long stableEnd(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long logEnd)
            throws InterruptedException {
        long deadline = System.nanoTime() + STABLE_TIMEOUT.toNanos();
        long stable = consumer.endOffsets(List.of(partition)).get(partition);
        while (stable < logEnd && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stable = consumer.endOffsets(List.of(partition)).get(partition);
        }
        return stable;
    }

    /** Returns the end offset of partition 0, which counts transaction markers too. */
    static long endOffset(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        Properties properties = consumerProperties(bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(List.of(partition));
            return ends.get(partition);
        }
    }

    private static Properties consumerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }
}
