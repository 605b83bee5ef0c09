package io.uavstream.job;

import io.uavstream.ingest.DemuxedPacket;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.SyntheticVideo;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.ingest.VideoPacketPublisher;
import io.uavstream.ingest.VideoSource;
import io.uavstream.kafka.embedded.CommittedRecords;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * One end-to-end test setup: an embedded Kafka broker, a set of uniquely named topics, and bounded
 * runs of the job on the test's Flink MiniCluster.
 */
final class PipelineHarness {

    /** Frames of the default synthetic clip: 4 s at 10 fps, keyframe every 10 frames. */
    static final int CLIP_FRAMES = 40;

    private final EmbeddedKafkaBroker kafka;
    private final String name;

    /**
     * Creates the video, detections, track-events, analytics-events, analytics-control and
     * dead-letter topics named after {@code name}.
     */
    PipelineHarness(EmbeddedKafkaBroker kafka, String name) {
        this.kafka = kafka;
        this.name = name;
        try (TopicProvisioner topics = new TopicProvisioner(kafka.bootstrapServers())) {
            topics.ensureVideoTopic(videoTopic());
            topics.ensureVideoTopic(detectionsTopic());
            topics.ensureVideoTopic(deadLetterTopic());
            topics.ensureVideoTopic(trackEventsTopic());
            topics.ensureVideoTopic(analyticsEventsTopic());
            topics.ensureVideoTopic(controlTopic());
        }
    }

    /** Returns a MiniCluster extension with one TaskManager and one slot, enough for parallelism 1. */
    static MiniClusterExtension oneSlotCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(1)
                .build());
    }

    /** Writes a 320x240 H.264 (or MPEG-4 Part 2) MPEG-TS clip of {@link #CLIP_FRAMES} frames, GOP 10. */
    static Path syntheticClip(Path directory, String fileName) throws IOException {
        return syntheticClip(directory, fileName, 10);
    }

    /** Writes a 320x240 MPEG-TS clip of {@link #CLIP_FRAMES} frames with a keyframe every {@code gop} frames. */
    static Path syntheticClip(Path directory, String fileName, int gop) throws IOException {
        return SyntheticVideo.builder()
                .frames(CLIP_FRAMES)
                .size(320, 240)
                .fps(10)
                .gop(gop)
                .write(directory.resolve(fileName));
    }

    /**
     * Publishes the access units of {@code video} with a PTS up to {@code lastPtsMicros}, then an
     * end-of-stream marker, as one ingest session of drone {@code camera-1}.
     */
    void publishUpTo(Path video, long lastPtsMicros) {
        String droneId = "camera-1";
        String sessionId = UUID.randomUUID().toString();
        long sequence = 0;
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video));
                VideoPacketPublisher publisher = new VideoPacketPublisher(bootstrapServers(), videoTopic())) {
            DemuxedPacket last = null;
            for (DemuxedPacket packet = demuxer.nextPacket();
                    packet != null && packet.ptsMicros() <= lastPtsMicros;
                    packet = demuxer.nextPacket()) {
                publisher.publish(packet.toVideoPacket(droneId, sessionId, sequence++));
                last = packet;
            }
            if (last == null) {
                throw new IllegalArgumentException("No access units up to " + lastPtsMicros + " us in " + video);
            }
            publisher.publish(last.endOfStreamAfter(droneId, sessionId, sequence));
            publisher.flush();
        }
    }

    String videoTopic() {
        return name + ".video";
    }

    String detectionsTopic() {
        return name + ".detections";
    }

    String deadLetterTopic() {
        return name + ".dead-letters";
    }

    String trackEventsTopic() {
        return name + ".track-events";
    }

    String analyticsEventsTopic() {
        return name + ".analytics-events";
    }

    String controlTopic() {
        return name + ".analytics-control";
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Publishes {@code file} as drone {@code droneId} with the ingest service. */
    IngestResult ingest(String droneId, Path file) {
        return ingest(droneId, file, false);
    }

    /** Publishes {@code file} as drone {@code droneId}, at its frame rate when {@code realtime}. */
    IngestResult ingest(String droneId, Path file, boolean realtime) {
        IngestOptions options = IngestOptions.builder()
                .realtime(realtime)
                .droneId(droneId)
                .source(file)
                .bootstrapServers(kafka.bootstrapServers())
                .topic(videoTopic())
                .provisionTopic(false)
                .build();
        return new Ingestor(options).run();
    }

    /**
     * Returns job options that read the video topic from the earliest offset up to the offsets at
     * start, with parallelism 1, one ONNX Runtime thread and a 200 ms checkpoint interval.
     */
    JobOptions.Builder options(Path model) {
        return JobOptions.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .videoTopic(videoTopic())
                .detectionsTopic(detectionsTopic())
                .deadLetterTopic(deadLetterTopic())
                .trackEventsTopic(trackEventsTopic())
                .analyticsEventsTopic(analyticsEventsTopic())
                .controlTopic(controlTopic())
                .groupId(name)
                .startingOffsets(StartingOffsets.EARLIEST)
                .bounded(true)
                .modelPath(model)
                .checkpointInterval(Duration.ofMillis(200))
                .parallelism(1)
                .intraOpThreads(1)
                .jobName(name);
    }

    /** Runs the whole job to the end of its bounded input, failing at once on any task failure. */
    JobExecutionResult run(JobOptions options) throws Exception {
        StreamExecutionEnvironment env = environment(noRestarts());
        UavstreamTopology.build(env, options);
        return env.execute(options.jobName());
    }

    /** Returns an environment for the test's MiniCluster with {@code configuration} applied. */
    static StreamExecutionEnvironment environment(Configuration configuration) {
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    }

    /** Returns a job configuration without restarts, so that a failure fails the test at once. */
    static Configuration noRestarts() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return configuration;
    }

    List<FrameDetections> committedDetections() {
        return CommittedRecords.readValues(kafka.bootstrapServers(), detectionsTopic(), FrameDetections.class);
    }

    /** Returns the committed track events, in topic order (each drone's events keep their order). */
    List<TrackEvent> committedTrackEvents() {
        return CommittedRecords.readValues(kafka.bootstrapServers(), trackEventsTopic(), TrackEvent.class);
    }

    /** Returns the committed analytics events, in topic order (each drone's events keep their order). */
    List<AnalyticsEvent> committedAnalyticsEvents() {
        return CommittedRecords.readValues(kafka.bootstrapServers(), analyticsEventsTopic(), AnalyticsEvent.class);
    }

    List<DeadLetter> committedDeadLetters() {
        return CommittedRecords.readValues(kafka.bootstrapServers(), deadLetterTopic(), DeadLetter.class);
    }

    /** Returns the value of accumulator {@code name}, 0 when the job never registered it. */
    static long counter(JobExecutionResult result, String name) {
        Object value = result.getAllAccumulatorResults().get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Map<String, Object> counters(JobExecutionResult result) {
        return result.getAllAccumulatorResults();
    }
}
