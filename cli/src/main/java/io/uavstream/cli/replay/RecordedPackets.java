package io.uavstream.cli.replay;

import io.uavstream.job.replay.ReplayOffsets;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.VideoPacket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one drone's recorded packets of a range with a plain Kafka consumer, in offset order: the
 * GOP before the range that decoding starts from, then the packets inside the range. It stops at
 * the first packet after the range or at the range's stopping offsets.
 */
final class RecordedPackets {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedPackets.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final ReplayRange range;
    private final String droneId;
    private final ReplayOffsets offsets;

    RecordedPackets(String bootstrapServers, ReplayRange range, String droneId, ReplayOffsets offsets) {
        this.bootstrapServers = bootstrapServers;
        this.range = range;
        this.droneId = droneId;
        this.offsets = offsets;
    }

    /**
     * Passes each packet to {@code sink} as it is read. Undecodable records are logged with their
     * offset and skipped.
     *
     * @return the number of packets passed on
     */
    long forEach(Consumer<VideoPacket> sink) {
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        List<VideoPacket> gopPrefix = new ArrayList<>();
        boolean inRange = false;
        long passed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties())) {
            Set<TopicPartition> open = assign(consumer);
            while (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!open.contains(partition) || record.offset() >= offsets.stopping().get(partition)) {
                        continue;
                    }
                    VideoPacket packet;
                    try {
                        packet = codec.decode(record.value());
                    } catch (AvroCodec.InvalidRecordException e) {
                        LOG.warn("Skipping the invalid video record at {} offset {}: {}", partition, record.offset(),
                                e.getMessage());
                        continue;
                    }
                    if (!droneId.equals(packet.getDroneId().toString())) {
                        continue;
                    }
                    long capture = ChronoUnit.MICROS.between(Instant.EPOCH, packet.getCaptureTimeMicros());
                    if (capture > range.toMicros()) {
                        return passed;
                    }
                    if (capture < range.fromMicros()) {
                        keepBeforeRange(gopPrefix, packet);
                        continue;
                    }
                    if (!inRange) {
                        gopPrefix.forEach(sink);
                        passed += gopPrefix.size();
                        gopPrefix.clear();
                        inRange = true;
                    }
                    sink.accept(packet);
                    passed++;
                }
                open.removeIf(partition -> consumer.position(partition) >= offsets.stopping().get(partition));
            }
        }
        return passed;
    }

    private Set<TopicPartition> assign(KafkaConsumer<byte[], byte[]> consumer) {
        Set<TopicPartition> open = new HashSet<>();
        for (Map.Entry<TopicPartition, Long> start : offsets.starting().entrySet()) {
            if (start.getValue() < offsets.stopping().get(start.getKey())) {
                open.add(start.getKey());
            }
        }
        consumer.assign(open);
        open.forEach(partition -> consumer.seek(partition, offsets.starting().get(partition)));
        return open;
    }

    private static void keepBeforeRange(List<VideoPacket> gopPrefix, VideoPacket packet) {
        if (packet.getEndOfStream()) {
            gopPrefix.clear();
        } else if (packet.getKeyframe()) {
            gopPrefix.clear();
            gopPrefix.add(packet);
        } else if (!gopPrefix.isEmpty()) {
            gopPrefix.add(packet);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "uavstream-republish-" + droneId);
        return properties;
    }
}
