package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model switching over the control topic in a MiniCluster with a real Kafka broker. A model record
 * in the middle of two drones' streams switches one drone. A record naming a missing model becomes
 * a dead letter, and its drone keeps the job's model.
 */
class ModelSwitchPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String VIDEO_TOPIC = "uavstream.video.model-switch";
    private static final String CONTROL_TOPIC = "uavstream.control.model-switch";
    private static final int FRAMES = 10;

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static Path yolox;
    private static Path nanoDet;
    private static List<DemuxedPacket> clip;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopic(VIDEO_TOPIC, 2, Map.of());
        broker.createTopic(CONTROL_TOPIC, 1, Map.of());
        yolox = TinyModels.yolox(dir.resolve("yolox"));
        nanoDet = TinyModels.nanoDetPlus(dir.resolve("nanodet"));
        clip = TestPackets.demux(SyntheticVideo.builder().frames(FRAMES).size(160, 120).gop(5).write(dir.resolve("clip.ts")));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void switchRecordChangesOneDroneModel() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<PacketOrDeadLetter> records = env.fromSource(videoSource(),
                DroneAnalysis.watermarks(Duration.ofSeconds(1), Duration.ofSeconds(1)), "Kafka " + VIDEO_TOPIC);
        DataStream<ControlRecord> control = env.fromSource(controlSource(),
                DroneAnalysis.controlWatermarks(Duration.ofSeconds(1)), "Kafka " + CONTROL_TOPIC).setParallelism(1);
        AnalysisConfig config = AnalysisConfig.builder().modelPath(yolox.toString()).tracking(false).build();
        AnalysisStreams streams = DroneAnalysis.apply(records, control, config);
        DataStream.Collector<FrameDetections> detections = new DataStream.Collector<>();
        streams.detections().collectAsync(detections);
        DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
        streams.deadLetters().collectAsync(deadLetters);

        JobClient client = env.executeAsync("model switch test");
        List<FrameDetections> before;
        List<FrameDetections> after;
        DeadLetter rejected;
        try (CloseableIterator<FrameDetections> detected = detections.getOutput();
                CloseableIterator<DeadLetter> rejections = deadLetters.getOutput()) {
            publishSession("s1");
            before = take(detected, 2 * FRAMES);

            sendControl("model:drone-a", "{\"model\": \"" + nanoDet + "\"}");
            sendControl("model:drone-b", "{\"model\": \"" + dir.resolve("missing.json") + "\"}");
            // Both records are parsed in order, so drone-a's selection has been emitted once the dead letter has.
            rejected = take(rejections, 1).get(0);

            publishSession("s2");
            after = take(detected, 2 * FRAMES);
        } finally {
            client.cancel().get();
        }

        assertThat(before).extracting(FrameDetections::getModelId).containsOnly("tiny-yolox");
        assertThat(modelIds(after, "drone-b")).hasSize(FRAMES).containsOnly("tiny-yolox");
        List<String> droneA = modelIds(after, "drone-a");
        assertThat(droneA).hasSize(FRAMES);
        assertThat(droneA.get(FRAMES - 1)).isEqualTo("tiny-nanodet-plus");
        assertThat(droneA.subList(droneA.indexOf("tiny-nanodet-plus"), FRAMES)).containsOnly("tiny-nanodet-plus");
        assertThat(rejected.getErrorType()).isEqualTo(DeadLetterErrors.INVALID_MODEL);
        assertThat(rejected.getDroneId()).isEqualTo("drone-b");
        assertThat(rejected.getSourceTopic()).isEqualTo(CONTROL_TOPIC);
        assertThat(rejected.getSourceOffset()).isEqualTo(1L);
    }

    /** Returns the model IDs of the drone's detections in frame order. */
    private static List<String> modelIds(List<FrameDetections> detections, String droneId) {
        return detections.stream()
                .filter(frame -> frame.getDroneId().equals(droneId))
                .sorted(Comparator.comparingLong(FrameDetections::getFrameSequence))
                .map(FrameDetections::getModelId)
                .toList();
    }

    private static void publishSession(String sessionId) {
        try (VideoPacketPublisher publisher = new VideoPacketPublisher(broker.bootstrapServers(), VIDEO_TOPIC)) {
            for (String droneId : List.of("drone-a", "drone-b")) {
                TestPackets.packets(TestPackets.session(droneId, sessionId, clip, 0)).forEach(publisher::publish);
            }
            publisher.flush();
        }
    }

    private static void sendControl(String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(CONTROL_TOPIC, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private static KafkaSource<PacketOrDeadLetter> videoSource() {
        return KafkaSource.<PacketOrDeadLetter>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(VIDEO_TOPIC)
                .setGroupId("model-switch-test")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new VideoRecordDeserializer())
                .build();
    }

    private static KafkaSource<ControlRecord> controlSource() {
        return KafkaSource.<ControlRecord>builder()
                .setBootstrapServers(broker.bootstrapServers())
                .setTopics(CONTROL_TOPIC)
                .setGroupId("model-switch-test-control")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ControlRecordDeserializer())
                .build();
    }

    private static <T> List<T> take(CloseableIterator<T> iterator, int count) {
        List<T> items = new ArrayList<>();
        while (items.size() < count && iterator.hasNext()) {
            items.add(iterator.next());
        }
        return items;
    }
}
