package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.operators.DeadLetterErrors;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.VideoPacket;
import io.uavstream.schemas.ZoneExitCause;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.test.junit5.MiniClusterExtension;
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
 * Zone analytics through the whole job: a real Kafka broker, the control topic, and the
 * MiniCluster. In the bounded runs, the control records take effect in the middle of the clip by
 * their Kafka timestamps. A zone over the whole frame applies from the capture time of frame 15,
 * an invalid record follows, and the zone is removed from frame 30 on. In the live run, a zone is published
 * while the job analyses a clip ingested at its frame rate.
 */
class AnalyticsPipelineTest {

    private static final String DRONE = "drone-a";
    private static final int ZONE_FRAME = 15;
    private static final int REMOVAL_FRAME = 30;

    /** A zone over the whole 320x240 frame of the synthetic clip. */
    private static final String FRAME_ZONE =
            "{\"zones\": [{\"id\": \"frame\", \"polygon\": [[0, 0], [320, 0], [320, 240], [0, 240]]}]}";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    @TempDir
    static Path directory;

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void zoneAppliesBetweenControlRecords() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-analytics");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model")));
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-analytics.ts"));
        publishControl(harness);
        Path output = directory.resolve("analytics-out");

        JobExecutionResult result = harness.run(harness.options(model)
                .outputDirectory(output.toString())
                .countWindow(Duration.ofSeconds(1))
                .build());
        List<AnalyticsEvent> events = harness.committedAnalyticsEvents();

        List<AnalyticsEvent> entered = ofType(events, AnalyticsEventType.ZONE_ENTERED);
        List<AnalyticsEvent> exited = ofType(events, AnalyticsEventType.ZONE_EXITED);
        assertThat(entered).as("zone entries").isNotEmpty();
        assertThat(entered).extracting(AnalyticsEvent::getFrameSequence).containsOnly((long) ZONE_FRAME);
        assertThat(exited).extracting(AnalyticsEvent::getFrameSequence).containsOnly((long) REMOVAL_FRAME);
        assertThat(exited).extracting(event -> event.getExit().getCause()).containsOnly(ZoneExitCause.ZONE_REMOVED);
        assertThat(exited).extracting(AnalyticsEvent::getTrackId)
                .containsExactlyInAnyOrderElementsOf(entered.stream().map(AnalyticsEvent::getTrackId).toList());
        assertThat(ofType(events, AnalyticsEventType.CLASS_COUNTS)).as("class counts per 1 s window").isNotEmpty();
        assertThat(JsonLinesFiles.readAnalyticsEvents(output)).hasSameSizeAs(events);
        assertThat(PipelineHarness.counter(result, AnalysisCounters.DEFINITION_UPDATES)).isEqualTo(2);
        assertThat(PipelineHarness.counter(result, AnalysisCounters.CONTROL_RECORDS_REJECTED)).isEqualTo(1);
    }

    @Test
    void invalidControlRecordBecomesDeadLetter() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-analytics-dead-letter");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-dead-letter")));
        harness.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-dead-letter.ts"));
        publishControl(harness);

        harness.run(harness.options(model).build());

        List<DeadLetter> deadLetters = harness.committedDeadLetters().stream()
                .filter(deadLetter -> deadLetter.getSourceTopic().equals(harness.controlTopic()))
                .toList();
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).getErrorType()).isEqualTo(DeadLetterErrors.INVALID_DEFINITION);
        assertThat(deadLetters.get(0).getDroneId()).isEqualTo(DRONE);
        assertThat(deadLetters.get(0).getSourceOffset()).isEqualTo(1L);
        assertThat(ofType(harness.committedAnalyticsEvents(), AnalyticsEventType.ZONE_ENTERED))
                .as("zone entries after the invalid record").isNotEmpty();
    }

    @Test
    void restartKeepsSameAnalyticsEvents() throws Exception {
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-restart")));
        PipelineHarness reference = new PipelineHarness(kafka, "e2e-analytics-reference");
        reference.ingest(DRONE, PipelineHarness.syntheticClip(directory, "clip-analytics-restart.ts"));
        publishControl(reference);
        Path referenceOutput = directory.resolve("analytics-reference");
        reference.run(reference.options(model).outputDirectory(referenceOutput.toString()).build());

        // The second run reads the same video and control records, so capture times and definitions match.
        PipelineHarness restarted = new PipelineHarness(kafka, "e2e-analytics-restart");
        Path restartedOutput = directory.resolve("analytics-restart");
        boolean failed = FailingRun.runWithOneFailure(restarted.options(model)
                .videoTopic(reference.videoTopic())
                .controlTopic(reference.controlTopic())
                .outputDirectory(restartedOutput.toString())
                .build());

        List<AnalyticsEvent> expected = reference.committedAnalyticsEvents();
        assertThat(failed).as("the injected failure happened").isTrue();
        assertThat(ofType(expected, AnalyticsEventType.ZONE_ENTERED)).as("zone entries of the run without failure")
                .isNotEmpty();
        assertThat(restarted.committedAnalyticsEvents()).containsExactlyElementsOf(expected);
        assertThat(JsonLinesFiles.readAnalyticsEvents(restartedOutput))
                .containsExactlyInAnyOrderElementsOf(JsonLinesFiles.readAnalyticsEvents(referenceOutput));
    }

    @Test
    void liveControlRecordAppliesToLaterFrames() throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "e2e-analytics-live");
        Path model = TinyModels.yolox(Files.createDirectories(directory.resolve("model-live")));
        Path clip = PipelineHarness.syntheticClip(directory, "clip-analytics-live.ts");
        StreamExecutionEnvironment env = PipelineHarness.environment(PipelineHarness.noRestarts());
        UavstreamTopology.build(env, harness.options(model).bounded(false).build());
        JobClient job = env.executeAsync("analytics-live");
        try {
            awaitRunning(job);
            // Ingest the 4 s clip at its frame rate, and publish the zone 1.5 s into it.
            Thread ingest = new Thread(() -> harness.ingest(DRONE, clip, true), "ingest-live");
            ingest.start();
            Thread.sleep(1500);
            long publishedMillis = publishNow(harness, FRAME_ZONE);
            ingest.join();
            await(() -> !ofType(harness.committedAnalyticsEvents(), AnalyticsEventType.ZONE_ENTERED).isEmpty(),
                    "a committed zone entry");

            List<AnalyticsEvent> entered = ofType(harness.committedAnalyticsEvents(), AnalyticsEventType.ZONE_ENTERED);
            assertThat(entered).extracting(event -> event.getCaptureTimeMicros().toEpochMilli())
                    .allMatch(captureMillis -> captureMillis >= publishedMillis);
            assertThat(entered).extracting(AnalyticsEvent::getFrameSequence).allMatch(sequence -> sequence >= 10);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitRunning(JobClient job) throws Exception {
        await(() -> job.getJobStatus().get() == JobStatus.RUNNING, "the job to run");
    }

    /** Polls {@code condition} every 200 ms for at most 60 s. */
    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Publishes a control record of the drone with the producer's send time as its timestamp, and returns it. */
    private static long publishNow(PipelineHarness harness, String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            return producer.send(new ProducerRecord<>(harness.controlTopic(), DRONE.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get().timestamp();
        }
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }

    /**
     * Publishes, keyed by the drone, the frame zone stamped with the capture time of frame 15, an
     * invalid record (offset 1), and a removal stamped with the capture time of frame 30.
     */
    private static void publishControl(PipelineHarness harness) {
        List<VideoPacket> packets = CommittedRecords.readValues(kafka.bootstrapServers(), harness.videoTopic(), VideoPacket.class);
        long zoneFrom = captureMillis(packets, ZONE_FRAME);
        long removedFrom = captureMillis(packets, REMOVAL_FRAME);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(control(harness, zoneFrom, FRAME_ZONE));
            producer.send(control(harness, zoneFrom, "{\"zones\": [{\"id\": \"frame\""));
            producer.send(control(harness, removedFrom, null));
            producer.flush();
        }
    }

    private static ProducerRecord<byte[], byte[]> control(PipelineHarness harness, long timestampMillis, String value) {
        return new ProducerRecord<>(harness.controlTopic(), 0, timestampMillis, DRONE.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the capture time of the packet with the given sequence, rounded down to a
     * millisecond, which is after the capture time of the packet before it.
     */
    private static long captureMillis(List<VideoPacket> packets, long sequence) {
        Instant capture = packets.stream().filter(packet -> packet.getSequence() == sequence).findFirst().orElseThrow()
                .getCaptureTimeMicros();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, capture);
        return Math.floorDiv(micros, 1000);
    }

    private static List<AnalyticsEvent> ofType(List<AnalyticsEvent> events, AnalyticsEventType type) {
        return events.stream().filter(event -> event.getEventType() == type).toList();
    }
}
