package io.uavstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.IngestResult;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.AvroCodec;
import io.uavstream.schemas.Topics;
import io.uavstream.schemas.VideoPacket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live path publishes every drone's access units to a real broker through ingest. */
class FleetSimulationLiveTest {

    private static final int FRAMES = 20;

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void liveRunPublishesEveryDrone() throws IOException {
        SimulationConfig config = SimulationConfig.builder()
                .drones(2).durationSeconds(2).fps(10).frameSize(320, 240).seed(5).sceneSizeMetres(512).build();
        String topic = "simulated-video";

        LiveRunSummary summary = new FleetSimulation(config).runLive(broker.bootstrapServers(), topic, dir,
                SimulationProgressListener.NONE);

        List<ConsumerRecord<String, byte[]>> records = readUntilEndOfStreams(topic, 2);
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        for (String droneId : List.of("drone-1", "drone-2")) {
            List<VideoPacket> packets = records.stream().filter(r -> r.key().equals(droneId))
                    .map(r -> codec.decode(r.value())).toList();
            IngestResult result = summary.publishing().get(droneId);
            assertThat(result.ending()).as("ending of %s", droneId).isEqualTo(IngestResult.Ending.END_OF_STREAM);
            assertThat(result.packets()).as("published access units of %s", droneId).isEqualTo(FRAMES);
            assertThat(packets).as("records of %s", droneId).hasSize(FRAMES + 1);
            assertThat(packets.get(0).getKeyframe()).as("first packet of %s is a keyframe", droneId).isTrue();
            assertThat(packets.get(FRAMES).getEndOfStream()).as("last record of %s ends the stream", droneId).isTrue();
            assertThat(packets.get(0).getDroneId()).hasToString(droneId);
            assertTelemetryOfEachFrame(packets, dir.resolve(droneId).resolve(FleetSimulation.TELEMETRY_FILE));
        }
    }

    /** Checks that access unit i carries the height above ground of row i of the telemetry file. */
    private static void assertTelemetryOfEachFrame(List<VideoPacket> packets, Path telemetryFile) throws IOException {
        List<String> lines = Files.readAllLines(telemetryFile);
        int heightColumn = List.of(lines.get(0).split(",")).indexOf("height_agl_m");
        for (int i = 0; i < FRAMES; i++) {
            double expected = Double.parseDouble(lines.get(i + 1).split(",")[heightColumn]);
            assertThat(packets.get(i).getTelemetry()).as("telemetry of frame %d", i).isNotNull();
            assertThat(packets.get(i).getTelemetry().getHeightAboveGroundMetres())
                    .as("height above ground of frame %d", i).isEqualTo(expected);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readUntilEndOfStreams(String topic, int streams) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int ends = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends < streams && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (codec.decode(record.value()).getEndOfStream()) {
                        ends++;
                    }
                }
            }
        }
        return records;
    }
}
