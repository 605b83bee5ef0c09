package io.uavstream.ingest;

import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.Topics;
import io.uavstream.schemas.VideoPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads video packets back from a topic in tests. */
final class VideoRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private VideoRecords() {}

    /** A consumed record: its Kafka key and decoded value. */
    record Keyed(String key, VideoPacket packet) {}

    /**
     * Reads the topic from the beginning until {@code done} holds for the records read so far, or
     * 30 seconds pass.
     */
    static List<Keyed> readUntil(String bootstrapServers, String topic, Predicate<List<Keyed>> done) {
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        List<Keyed> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Keyed(record.key(), codec.decode(record.value())));
                }
            }
        }
        return records;
    }

    /** Reads until {@code count} end-of-stream markers have arrived. */
    static List<Keyed> readSessions(String bootstrapServers, String topic, int count) {
        return readUntil(bootstrapServers, topic,
                records -> records.stream().filter(r -> r.packet().getEndOfStream()).count() >= count);
    }
}
