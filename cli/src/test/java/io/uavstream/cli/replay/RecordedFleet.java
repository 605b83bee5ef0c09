package io.uavstream.cli.replay;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.VideoPacket;
import io.uavstream.simulator.DroneSummary;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.SimulationConfig;
import io.uavstream.simulator.SimulationSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A simulated fleet recorded in the video topic of an embedded Kafka broker: each drone's
 * {@code video.ts} published once with the ingest service, at full speed.
 */
final class RecordedFleet implements AutoCloseable {

    static final String VIDEO_TOPIC = "replay-test.video";

    private final EmbeddedKafkaBroker kafka;

    private RecordedFleet(EmbeddedKafkaBroker kafka) {
        this.kafka = kafka;
    }

    /** Renders {@code drones} flights of {@code seconds} at 640x480 and 10 fps and publishes them. */
    static RecordedFleet record(Path directory, int drones, double seconds) {
        SimulationSummary summary = new FleetSimulation(SimulationConfig.builder()
                .drones(drones)
                .durationSeconds(seconds)
                .seed(7)
                .build()).runToDirectory(directory);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
        try (TopicProvisioner topics = new TopicProvisioner(kafka.bootstrapServers())) {
            topics.ensureVideoTopic(VIDEO_TOPIC);
        }
        for (DroneSummary drone : summary.drones()) {
            new Ingestor(IngestOptions.builder()
                    .droneId(drone.droneId())
                    .source(drone.video())
                    .bootstrapServers(kafka.bootstrapServers())
                    .topic(VIDEO_TOPIC)
                    .provisionTopic(false)
                    .build()).run();
        }
        return new RecordedFleet(kafka);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Returns every recorded packet, in offset order per partition. */
    List<VideoPacket> packets() {
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        List<VideoPacket> packets = new ArrayList<>();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(VIDEO_TOPIC).stream()
                    .map(info -> new TopicPartition(VIDEO_TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> packets.add(codec.decode(record.value())));
            }
        }
        return packets;
    }

    /** Returns the earliest capture time of any packet, in UTC microseconds. */
    long firstCaptureMicros() {
        return packets().stream().mapToLong(packet -> micros(packet.getCaptureTimeMicros())).min().orElseThrow();
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
