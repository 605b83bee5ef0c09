package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.job.replay.ReplayArgs;
import io.uavstream.job.replay.ReplayJob;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayPlan;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.job.replay.ReplayTopology;
import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.DefinitionWriter;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.schemas.VideoPacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a capture-time range that starts and ends inside a GOP from three recorded drones, two
 * of them selected, on a real Kafka broker and MiniCluster with the tiny YOLOX model.
 */
class ReplayTopologyTest {

    private static final String REPLAY_ID = "replay-test";
    private static final String SNAPSHOT_REPLAY_ID = "replay-snapshot";

    /** Zones and a line across the 320x240 clip for drone-a and drone-b, with IDs unique in the file. */
    private static final String ZONES = """
            {"zones": [
               {"id": "a-left", "drone": "drone-a", "polygon": [[0, 0], [160, 0], [160, 240], [0, 240]]},
               {"id": "a-all", "drone": "drone-a", "polygon": [[0, 0], [320, 0], [320, 240], [0, 240]]},
               {"id": "b-left", "drone": "drone-b", "polygon": [[0, 0], [160, 0], [160, 240], [0, 240]]}],
             "lines": [{"id": "a-middle", "drone": "drone-a", "from": [160, 0], "to": [160, 240]}]}
            """;

    /** Drone whose recording stops without an end-of-stream marker, as a live session cut off by the lookup. */
    private static final String OPEN_DRONE = "drone-open";

    /** First and last access unit of drone-a inside the range, both inside a GOP of 10 frames. */
    private static final long FIRST_SEQUENCE = 15;
    private static final long LAST_SEQUENCE = 32;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;
    private static PipelineHarness harness;
    private static Path model;
    private static ReplayRange range;
    private static List<VideoPacket> recorded;
    private static Path zonesFile;
    private static boolean replayed;
    private static String stateBackend;

    @BeforeAll
    static void recordThreeDrones() throws Exception {
        kafka = EmbeddedKafkaBroker.start();
        harness = new PipelineHarness(kafka, "replay-range");
        model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        zonesFile = Files.writeString(directory.resolve("zones.json"), ZONES);
        Path clip = PipelineHarness.syntheticClip(directory, "clip.ts");
        for (String drone : List.of("drone-a", "drone-b", "drone-c")) {
            harness.ingest(drone, clip);
        }
        recorded = CommittedRecords.readValues(harness.bootstrapServers(), harness.videoTopic(), VideoPacket.class);
        publishWithoutEndOfStream("drone-a", OPEN_DRONE);
        range = new ReplayRange(captureMicros("drone-a", FIRST_SEQUENCE), captureMicros("drone-a", LAST_SEQUENCE),
                Set.of("drone-a", "drone-b"));
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** Runs the replay on the first call, because the MiniCluster is only reachable from inside a test. */
    private static synchronized void replay() throws Exception {
        if (replayed) {
            return;
        }
        ReplayOptions options = analyticsOptions().zonesFile(zonesFile).replayId(REPLAY_ID).build();
        StreamExecutionEnvironment env = PipelineHarness.environment(PipelineHarness.noRestarts());
        ReplayTopology.build(env, ReplayPlan.prepare(options));
        stateBackend = env.getConfiguration().get(StateBackendOptions.STATE_BACKEND);
        env.execute("replay test");
        replayed = true;
    }

    /** Returns the options of the range with analytics on, class counts every second and exits at once. */
    private static ReplayOptions.Builder analyticsOptions() {
        return ReplayOptions.builder()
                .bootstrapServers(harness.bootstrapServers())
                .videoTopic(harness.videoTopic())
                .range(range)
                .modelPath(model)
                .detectionsTopic(harness.detectionsTopic())
                .trackEventsTopic(harness.trackEventsTopic())
                .deadLetterTopic(harness.deadLetterTopic())
                .analyticsEventsTopic(harness.analyticsEventsTopic())
                .controlTopic(harness.controlTopic())
                .countWindow(Duration.ofSeconds(1))
                .zoneExitDelay(Duration.ZERO)
                .intraOpThreads(1);
    }

    @Test
    void keyedStateStaysOnHeap() throws Exception {
        replay();
        assertThat(stateBackend).isEqualTo("hashmap");
    }

    @Test
    void analyticsEventsCarryReplayAndModelId() throws Exception {
        replay();
        String modelId = harness.committedDetections().get(0).getModelId().toString();

        List<AnalyticsEvent> events = analyticsEventsOf(REPLAY_ID);

        assertThat(events).isNotEmpty();
        assertThat(events).extracting(AnalyticsEvent::getEventType).contains(AnalyticsEventType.CLASS_COUNTS);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getModelId()).hasToString(modelId);
            assertThat(range.contains(micros(event.getCaptureTimeMicros()))).isTrue();
            assertThat(range.droneIds()).contains(event.getDroneId().toString());
        });
    }

    @Test
    void snapshotMatchesZonesFile() throws Exception {
        replay();
        DefinitionSet zones = DefinitionParser.parse(ZONES, null);
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, harness.bootstrapServers());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> control = new KafkaProducer<>(producer)) {
            for (String drone : List.of("drone-a", "drone-b")) {
                control.send(new ProducerRecord<>(harness.controlTopic(), drone,
                        DefinitionWriter.toControlJson(zones.forDrone(drone))));
            }
            control.flush();
        }
        ReplayPlan plan = ReplayPlan.prepare(analyticsOptions().replayId(SNAPSHOT_REPLAY_ID).build());
        StreamExecutionEnvironment env = PipelineHarness.environment(PipelineHarness.noRestarts());
        ReplayTopology.build(env, plan);
        env.execute("replay with a control topic snapshot");

        assertThat(plan.definitions().describeDrones()).hasSize(2);
        assertThat(withoutReplayId(analyticsEventsOf(SNAPSHOT_REPLAY_ID)))
                .containsExactlyElementsOf(withoutReplayId(analyticsEventsOf(REPLAY_ID)));
    }

    @Test
    void replayAnalysesRangeFramesOnly() throws Exception {
        replay();

        List<Long> sequences = detectionsOf("drone-a").stream().map(FrameDetections::getFrameSequence).toList();

        assertThat(sequences).containsExactlyElementsOf(
                LongStream.rangeClosed(FIRST_SEQUENCE, LAST_SEQUENCE).boxed().toList());
    }

    @Test
    void replayCoversSecondDroneInRange() throws Exception {
        replay();

        List<Long> expected = recorded.stream()
                .filter(packet -> packet.getDroneId().equals("drone-b") && !packet.getEndOfStream())
                .filter(packet -> range.contains(micros(packet.getCaptureTimeMicros())))
                .map(VideoPacket::getSequence)
                .toList();

        assertThat(detectionsOf("drone-b").stream().map(FrameDetections::getFrameSequence).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void replaySkipsUnselectedDrone() throws Exception {
        replay();

        assertThat(detectionsOf("drone-c")).isEmpty();
    }

    @Test
    void detectionsCarryReplayIdWithoutWallClock() throws Exception {
        replay();

        assertThat(harness.committedDetections()).isNotEmpty().allSatisfy(detections -> {
            assertThat(detections.getReplayId()).isNotNull();
            assertThat(detections.getAnalysedAtMicros()).isNull();
            assertThat(detections.getPublishedAtMicros()).isNull();
        });
    }

    @Test
    void trackEventsCarryReplayAndModelId() throws Exception {
        replay();
        String modelId = harness.committedDetections().get(0).getModelId().toString();

        assertThat(harness.committedTrackEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getReplayId()).isNotNull();
            assertThat(event.getModelId()).hasToString(modelId);
        });
    }

    @Test
    void rangeEndClosesEveryTrack() throws Exception {
        replay();

        Set<String> tracked = harness.committedDetections().stream()
                .flatMap(detections -> detections.getBoxes().stream()
                        .filter(box -> box.getTrackId() != null)
                        .map(box -> detections.getDroneId() + "/" + box.getTrackId()))
                .collect(Collectors.toSet());
        Set<String> ended = harness.committedTrackEvents().stream()
                .filter(event -> event.getEventType() == TrackEventType.ENDED)
                .map(event -> event.getDroneId() + "/" + event.getTrackId())
                .collect(Collectors.toSet());

        assertThat(tracked).isNotEmpty();
        assertThat(ended).containsAll(tracked);
    }

    @Test
    void replayJobMainRunsFromArguments() throws Exception {
        replay();
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers(harness.bootstrapServers())
                .videoTopic(harness.videoTopic())
                .range(new ReplayRange(range.fromMicros(), range.toMicros(), Set.of("drone-a")))
                .modelPath(model)
                .detectionsTopic(harness.detectionsTopic())
                .trackEventsTopic(harness.trackEventsTopic())
                .deadLetterTopic(harness.deadLetterTopic())
                .replayId("replay-main")
                .intraOpThreads(1)
                .build();

        ReplayJob.main(ReplayArgs.format(options).toArray(String[]::new));

        assertThat(harness.committedDetections().stream()
                .filter(detections -> String.valueOf(detections.getReplayId()).equals("replay-main"))
                .map(FrameDetections::getFrameSequence)
                .toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(FIRST_SEQUENCE, LAST_SEQUENCE).boxed().toList());
    }

    @Test
    void endOfInputClosesOpenSession() throws Exception {
        replay();
        ReplayOptions options = ReplayOptions.builder()
                .bootstrapServers(harness.bootstrapServers())
                .videoTopic(harness.videoTopic())
                .range(new ReplayRange(0, Long.MAX_VALUE / 2, Set.of(OPEN_DRONE)))
                .modelPath(model)
                .detectionsTopic(harness.detectionsTopic())
                .trackEventsTopic(harness.trackEventsTopic())
                .deadLetterTopic(harness.deadLetterTopic())
                .replayId("replay-open")
                .intraOpThreads(1)
                .build();
        StreamExecutionEnvironment env = PipelineHarness.environment(PipelineHarness.noRestarts());
        ReplayTopology.build(env, ReplayPlan.prepare(options));
        env.execute("replay of an open session");

        List<Long> sequences = harness.committedDetections().stream()
                .filter(detections -> String.valueOf(detections.getReplayId()).equals("replay-open"))
                .map(FrameDetections::getFrameSequence)
                .toList();
        Set<Long> ended = harness.committedTrackEvents().stream()
                .filter(event -> String.valueOf(event.getReplayId()).equals("replay-open"))
                .filter(event -> event.getEventType() == TrackEventType.ENDED)
                .map(event -> event.getTrackId())
                .collect(Collectors.toSet());
        assertThat(sequences).containsExactlyElementsOf(
                LongStream.range(0, PipelineHarness.CLIP_FRAMES).boxed().toList());
        assertThat(ended).isNotEmpty();
    }

    /** Returns the committed analytics events of one replay, in topic order. */
    private static List<AnalyticsEvent> analyticsEventsOf(String replayId) {
        return harness.committedAnalyticsEvents().stream()
                .filter(event -> String.valueOf(event.getReplayId()).equals(replayId))
                .toList();
    }

    /** Returns copies of the events without their replay ID, to compare two replays. */
    private static List<AnalyticsEvent> withoutReplayId(List<AnalyticsEvent> events) {
        return events.stream().map(event -> AnalyticsEvent.newBuilder(event).setReplayId(null).build()).toList();
    }

    /** Publishes the recorded packets of {@code source} again as {@code target}, without the end-of-stream marker. */
    private static void publishWithoutEndOfStream(String source, String target) {
        try (VideoPacketPublisher publisher = new VideoPacketPublisher(harness.bootstrapServers(), harness.videoTopic())) {
            recorded.stream()
                    .filter(packet -> packet.getDroneId().equals(source) && !packet.getEndOfStream())
                    .map(packet -> VideoPacket.newBuilder(packet).setDroneId(target).build())
                    .forEach(publisher::publish);
        }
    }

    private static List<FrameDetections> detectionsOf(String drone) {
        return harness.committedDetections().stream()
                .filter(detections -> String.valueOf(detections.getReplayId()).equals(REPLAY_ID))
                .filter(detections -> detections.getDroneId().equals(drone))
                .toList();
    }

    private static long captureMicros(String drone, long sequence) {
        return recorded.stream()
                .filter(packet -> packet.getDroneId().equals(drone) && packet.getSequence() == sequence)
                .map(packet -> micros(packet.getCaptureTimeMicros()))
                .findFirst()
                .orElseThrow();
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
