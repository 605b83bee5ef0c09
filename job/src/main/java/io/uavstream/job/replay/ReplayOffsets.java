package io.uavstream.job.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets of the video topic that a replay reads, per partition: from the first record
 * published at or after {@code from - margin} up to, excluding, the first record published at or
 * after {@code to + margin}, and never past the end offsets at the time of the lookup, so the
 * replay is bounded even while drones keep publishing.
 *
 * <p>The lookup uses {@code KafkaConsumer.offsetsForTimes} on the records' Kafka timestamps, which
 * are publish times ({@code CreateTime} set by the ingest producer) and not capture times. It
 * finds every packet of the range as long as a packet's publish time and capture time differ by
 * at most the margin. Live ingest publishes within seconds of capture, but ingest of a file at
 * full speed stamps capture times up to the file's duration ahead of publishing. The job then
 * filters the records by capture time.
 *
 * @param starting first offset to read, per partition
 * @param stopping offset at which reading stops (exclusive), per partition
 */
public record ReplayOffsets(Map<TopicPartition, Long> starting, Map<TopicPartition, Long> stopping) {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayOffsets.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    public ReplayOffsets {
        starting = Map.copyOf(starting);
        stopping = Map.copyOf(stopping);
    }

    /**
     * Looks up the offsets of {@code range} in {@code topic}.
     *
     * @throws IllegalArgumentException if the topic does not exist
     */
    public static ReplayOffsets lookUp(String bootstrapServers, String topic, ReplayRange range, Duration margin) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, LOOKUP_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("Video topic " + topic + " not found on " + bootstrapServers);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOOKUP_TIMEOUT);
            long fromMillis = Math.floorDiv(range.fromMicros(), 1000) - margin.toMillis();
            long toMillis = Math.floorDiv(range.toMicros(), 1000) + 1 + margin.toMillis();
            Map<TopicPartition, Long> starting = firstOffsetsAt(consumer, partitions, Math.max(0, fromMillis), ends);
            Map<TopicPartition, Long> stopping = firstOffsetsAt(consumer, partitions, Math.max(0, toMillis), ends);
            ReplayOffsets offsets = new ReplayOffsets(starting, stopping);
            LOG.info("Replay of {} reads {} records of {}: {}", range, offsets.recordCount(), topic, offsets);
            return offsets;
        }
    }

    /** Returns the number of records between the starting and stopping offsets. */
    public long recordCount() {
        return starting.entrySet().stream()
                .mapToLong(entry -> Math.max(0, stopping.get(entry.getKey()) - entry.getValue()))
                .sum();
    }

    private static Map<TopicPartition, Long> firstOffsetsAt(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, long timestampMillis, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> query = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> timestampMillis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, LOOKUP_TIMEOUT);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            long end = ends.get(partition);
            // No record at or after the timestamp: the range's side lies past the partition's end.
            offsets.put(partition, offset == null ? end : Math.min(offset.offset(), end));
        }
        return offsets;
    }

    private static Properties consumerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "uavstream-replay-offsets");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }
}
