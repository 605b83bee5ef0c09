package io.uavstream.job;

import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.operators.AnalysisConfig;
import io.uavstream.operators.AnalysisStreams;
import io.uavstream.operators.ControlRecord;
import io.uavstream.operators.ControlRecordDeserializer;
import io.uavstream.operators.DroneAnalysis;
import io.uavstream.operators.PacketOrDeadLetter;
import io.uavstream.operators.VideoRecordDeserializer;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.Topics;
import io.uavstream.sinks.AvroKafkaSinkBuilder;
import io.uavstream.sinks.JsonLinesFileSink;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The uavstream job graph: video packets from Kafka, per-drone decoding, detection and tracking,
 * zone and line analytics with definitions from a control topic, detections, track events and
 * analytics events to Kafka (exactly-once) and optionally to JSON-lines files, dead letters to
 * their own topic.
 *
 * <p>{@link #build} assembles the whole job. The steps are public too, so that tests and other
 * entry points can assemble variants of the same graph.
 */
public final class UavstreamTopology {

    /** Room, in bytes, above {@link Topics#MAX_MESSAGE_BYTES} for the record batch framing. */
    static final int FETCH_OVERHEAD_BYTES = 64 * 1024;

    /** Kafka's default {@code fetch.max.bytes}, 50 MiB. */
    private static final int DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024;

    private UavstreamTopology() {}

    /**
     * Adds the whole job to {@code env}: checkpointing, source, analysis and sinks.
     *
     * @return the analysis output, already connected to the sinks
     */
    public static AnalysisStreams build(StreamExecutionEnvironment env, JobOptions options) {
        configure(env, options);
        DataStream<PacketOrDeadLetter> records = readVideo(env, options);
        DataStream<ControlRecord> control = options.readsControlTopic() ? readControl(env, options) : null;
        AnalysisStreams analysis = DroneAnalysis.apply(records, control, analysisConfig(env, options));
        writeOutputs(analysis, options);
        return analysis;
    }

    /** Connects every output of the analysis to its sinks. */
    public static void writeOutputs(AnalysisStreams analysis, JobOptions options) {
        writeDetections(analysis.detections(), options);
        analysis.trackEvents().ifPresent(trackEvents -> writeTrackEvents(trackEvents, options));
        analysis.analyticsEvents().ifPresent(analyticsEvents -> writeAnalyticsEvents(analyticsEvents, options));
        writeDeadLetters(analysis.deadLetters(), options);
    }

    /** Enables exactly-once checkpointing and sets the parallelism, when one is given. */
    public static void configure(StreamExecutionEnvironment env, JobOptions options) {
        env.enableCheckpointing(options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        options.parallelism().ifPresent(env::setParallelism);
    }

    /** Adds the Kafka video source with per-drone event-time watermarks. */
    public static DataStream<PacketOrDeadLetter> readVideo(StreamExecutionEnvironment env, JobOptions options) {
        return env.fromSource(videoSource(options),
                        DroneAnalysis.watermarks(options.maxOutOfOrderness(), options.idleness()),
                        "Kafka " + options.videoTopic())
                .uid("video-source");
    }

    /**
     * Adds the Kafka source of the analytics control topic, one subtask, with watermarks from
     * {@link DroneAnalysis#controlWatermarks}.
     */
    public static DataStream<ControlRecord> readControl(StreamExecutionEnvironment env, JobOptions options) {
        return env.fromSource(controlSource(options), DroneAnalysis.controlWatermarks(options.controlIdleness()),
                        "Kafka " + options.controlTopic())
                .setParallelism(1)
                .uid("analytics-control-source");
    }

    /**
     * Builds the Kafka source of the control topic. Without a checkpoint it reads from the earliest
     * offset, whatever {@link JobOptions#startingOffsets()} is set to, because each drone's definitions
     * are its latest record there. It commits no offsets. A bounded job stops at the latest
     * offsets seen at start.
     */
    public static KafkaSource<ControlRecord> controlSource(JobOptions options) {
        KafkaSourceBuilder<ControlRecord> builder = KafkaSource.<ControlRecord>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.controlTopic())
                .setGroupId(options.groupId() + "-control")
                .setClientIdPrefix(options.groupId() + "-control")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ControlRecordDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "false");
        if (options.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Builds the Kafka source of the video topic. Its consumer fetches records of up to
     * {@link Topics#MAX_MESSAGE_BYTES} in one request and commits offsets on each checkpoint.
     */
    public static KafkaSource<PacketOrDeadLetter> videoSource(JobOptions options) {
        int maxPartitionFetchBytes = Topics.MAX_MESSAGE_BYTES + FETCH_OVERHEAD_BYTES;
        KafkaSourceBuilder<PacketOrDeadLetter> builder = KafkaSource.<PacketOrDeadLetter>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.videoTopic())
                .setGroupId(options.groupId())
                .setClientIdPrefix(options.groupId() + "-video")
                .setStartingOffsets(options.startingOffsets().initializer())
                .setDeserializer(new VideoRecordDeserializer())
                .setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(maxPartitionFetchBytes))
                .setProperty(ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                        Integer.toString(Math.max(DEFAULT_FETCH_MAX_BYTES, maxPartitionFetchBytes)))
                .setProperty("commit.offsets.on.checkpoint", "true");
        if (options.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /**
     * Returns the analysis settings of {@code options}. Without {@code --intra-op-threads}, the
     * thread count is {@link JobOptions#defaultIntraOpThreads} of this machine's cores and the
     * configured task slots per TaskManager.
     */
    public static AnalysisConfig analysisConfig(StreamExecutionEnvironment env, JobOptions options) {
        // NOTE: the default counts the client's cores, assuming TaskManagers run on machines like it.
        int intraOpThreads = options.intraOpThreads().orElseGet(() -> JobOptions.defaultIntraOpThreads(
                Runtime.getRuntime().availableProcessors(),
                env.getConfiguration().get(TaskManagerOptions.NUM_TASK_SLOTS)));
        AnalysisConfig.Builder config = AnalysisConfig.builder()
                .modelPath(options.model().toString())
                .modelControl(options.modelControl())
                .analytics(options.analytics())
                .intraOpThreads(intraOpThreads)
                .maxAnalysedFps(options.maxAnalysedFps())
                .liveMode(options.liveMode())
                .artefactCheck(options.artefactCheck())
                .tracking(options.tracking())
                .cameraMotionCompensation(options.cameraMotionCompensation());
        options.trackUpdateInterval().ifPresent(config::trackUpdateInterval);
        options.maxFrameAge().ifPresent(config::maxFrameAge);
        options.maxFrameSize().ifPresent(size -> config.maxFrameWidth(size.width()).maxFrameHeight(size.height()));
        options.decoderIdleTimeout().ifPresent(config::decoderIdleTimeout);
        options.countWindow().ifPresent(config::countWindow);
        options.zoneExitDelay().ifPresent(config::zoneExitDelay);
        options.cameraIntrinsics().ifPresent(file -> config.visualOdometry(readCameraModel(file), OdometryConfig.defaults()));
        return config.build();
    }

    private static CameraModel readCameraModel(Path file) {
        try {
            return CameraModel.readJson(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--camera-intrinsics " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Writes detections to the detections topic, exactly-once, and to JSON lines when configured. */
    public static void writeDetections(DataStream<FrameDetections> detections, JobOptions options) {
        detections.sinkTo(AvroKafkaSinkBuilder.forDetections()
                        .setBootstrapServers(options.bootstrapServers())
                        .setTopic(options.detectionsTopic())
                        .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-detections")
                        .setTransactionTimeout(options.transactionTimeout())
                        .build())
                .name("Kafka " + options.detectionsTopic())
                .uid("detections-kafka-sink");
        options.outputDirectory().ifPresent(directory -> detections
                .sinkTo(JsonLinesFileSink.forDetections(directory).build())
                .name("JSON lines detections")
                .uid("detections-file-sink"));
    }

    /**
     * Writes track events to the track-events topic, exactly-once, and to JSON lines beside the
     * detections when an output directory is configured.
     */
    public static void writeTrackEvents(DataStream<TrackEvent> trackEvents, JobOptions options) {
        trackEvents.sinkTo(AvroKafkaSinkBuilder.forTrackEvents()
                        .setBootstrapServers(options.bootstrapServers())
                        .setTopic(options.trackEventsTopic())
                        .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-track-events")
                        .setTransactionTimeout(options.transactionTimeout())
                        .build())
                .name("Kafka " + options.trackEventsTopic())
                .uid("track-events-kafka-sink");
        options.outputDirectory().ifPresent(directory -> trackEvents
                .sinkTo(JsonLinesFileSink.forTrackEvents(directory).build())
                .name("JSON lines track events")
                .uid("track-events-file-sink"));
    }

    /**
     * Writes analytics events to the analytics-events topic, exactly-once, and to JSON lines beside
     * the detections when an output directory is configured.
     */
    public static void writeAnalyticsEvents(DataStream<AnalyticsEvent> analyticsEvents, JobOptions options) {
        analyticsEvents.sinkTo(AvroKafkaSinkBuilder.forAnalyticsEvents()
                        .setBootstrapServers(options.bootstrapServers())
                        .setTopic(options.analyticsEventsTopic())
                        .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-analytics-events")
                        .setTransactionTimeout(options.transactionTimeout())
                        .build())
                .name("Kafka " + options.analyticsEventsTopic())
                .uid("analytics-events-kafka-sink");
        options.outputDirectory().ifPresent(directory -> analyticsEvents
                .sinkTo(JsonLinesFileSink.forAnalyticsEvents(directory).build())
                .name("JSON lines analytics events")
                .uid("analytics-events-file-sink"));
    }

    /** Writes dead letters to the dead-letter topic, exactly-once. */
    public static void writeDeadLetters(DataStream<DeadLetter> deadLetters, JobOptions options) {
        deadLetters.sinkTo(AvroKafkaSinkBuilder.forDeadLetters()
                        .setBootstrapServers(options.bootstrapServers())
                        .setTopic(options.deadLetterTopic())
                        .setTransactionalIdPrefix(options.transactionalIdPrefix() + "-dead-letters")
                        .setTransactionTimeout(options.transactionTimeout())
                        .build())
                .name("Kafka " + options.deadLetterTopic())
                .uid("dead-letters-kafka-sink");
    }
}
