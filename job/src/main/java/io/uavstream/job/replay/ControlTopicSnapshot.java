package io.uavstream.job.replay;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.operators.ModelSelection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the analytics control topic from its beginning up to its end offsets at the time of the
 * read (read-committed) and keeps each drone's latest definitions: those that the live job has in
 * force after reading the same records. A record with a null or empty value removes the drone's
 * definitions. A record that the live job would reject (no key, not UTF-8, an invalid document,
 * or entries of another drone) is logged and skipped, so the drone keeps its previous definitions.
 * A model record, keyed {@value #MODEL_KEY_PREFIX} and a drone ID or {@code *}, is skipped too,
 * because a replay runs the model it was given.
 *
 * <p>The snapshot ignores the records' timestamps, so the latest definitions apply to the whole
 * range, even to frames captured before the record's timestamp.
 */
final class ControlTopicSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(ControlTopicSnapshot.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    /** Key prefix of the control topic's model records, which select a drone's model in the live job. */
    static final String MODEL_KEY_PREFIX = ModelSelection.KEY_PREFIX;

    private ControlTopicSnapshot() {}

    /**
     * Reads {@code topic} and returns each drone's latest definitions. A missing topic gives no
     * definitions, with a warning, because no zones were published there.
     *
     * @param droneIds the replayed drones, whose definitions are kept; empty to keep every drone's
     * @throws IllegalStateException if the topic cannot be read to its end offsets within 30 s
     */
    static ReplayDefinitions read(String bootstrapServers, String topic, Set<String> droneIds) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                LOG.warn("Analytics control topic {} not found on {}, so the replay has no zones and lines; pass"
                        + " --zones FILE to replay with zones", topic, bootstrapServers);
                return new ReplayDefinitions(true, "control topic " + topic + ", which does not exist", Map.of());
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);

            SortedMap<String, ReplayDefinitions.DroneDefinitions> latest = new TreeMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reachedEnd(consumer, partitions, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out after " + TIMEOUT.toSeconds() + " s reading the"
                            + " analytics control topic " + topic + " up to its end offsets " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        apply(record, latest);
                    }
                }
            }
            latest.keySet().removeIf(droneId -> !droneIds.isEmpty() && !droneIds.contains(droneId));
            String source = "control topic " + topic + ", " + offsetRanges(partitions, beginnings, ends);
            LOG.info("Replay definitions from {}: {}", source, latest.isEmpty() ? "none"
                    : latest.values().stream().map(ReplayDefinitions.DroneDefinitions::describe)
                            .collect(Collectors.joining("; ")));
            return new ReplayDefinitions(true, source, latest);
        }
    }

    /** Applies one control record to the latest definitions per drone, as the live job would. */
    private static void apply(ConsumerRecord<byte[], byte[]> record,
            SortedMap<String, ReplayDefinitions.DroneDefinitions> latest) {
        String position = "offset " + record.offset() + " of " + record.topic() + "-" + record.partition();
        if (record.key() == null || record.key().length == 0) {
            LOG.warn("Control record at {} has no key, so it names no drone; skipped", position);
            return;
        }
        String droneId;
        String document;
        try {
            droneId = utf8(record.key());
            document = record.value() == null ? null : utf8(record.value());
        } catch (CharacterCodingException e) {
            LOG.warn("Control record at {} is not valid UTF-8; skipped", position);
            return;
        }
        if (droneId.startsWith(MODEL_KEY_PREFIX)) {
            LOG.info("Control record at {} with key {} selects a model; the replay ignores it and runs its own model",
                    position, droneId);
            return;
        }
        if (document == null || document.isEmpty()) {
            latest.remove(droneId);
            return;
        }
        DefinitionSet definitions;
        try {
            definitions = DefinitionParser.parse(document, droneId);
        } catch (InvalidDefinitionException e) {
            LOG.warn("Drone {}: control record at {} is invalid, so the drone keeps its previous definitions: {}",
                    droneId, position, e.getMessage());
            return;
        }
        if (!definitions.equals(definitions.forDrone(droneId))) {
            LOG.warn("Drone {}: control record at {} defines zones or lines of another drone, so the drone keeps its"
                    + " previous definitions", droneId, position);
            return;
        }
        latest.put(droneId, new ReplayDefinitions.DroneDefinitions(droneId, definitions, position));
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(partition -> consumer.position(partition, TIMEOUT) >= ends.get(partition));
    }

    private static String offsetRanges(List<TopicPartition> partitions, Map<TopicPartition, Long> beginnings,
            Map<TopicPartition, Long> ends) {
        return partitions.stream()
                .map(partition -> "partition " + partition.partition() + " offsets " + beginnings.get(partition)
                        + " to " + ends.get(partition))
                .collect(Collectors.joining(", "));
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static Properties consumerProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "uavstream-replay-definitions");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return properties;
    }
}
