package io.uavstream.job.replay;

import io.uavstream.job.JobOptions;
import io.uavstream.job.UavstreamTopology;
import io.uavstream.operators.AnalysisConfig;
import io.uavstream.operators.AnalysisStreams;
import io.uavstream.operators.AvroRecordTypeInfo;
import io.uavstream.operators.DroneAnalysis;
import io.uavstream.operators.PacketOrDeadLetter;
import io.uavstream.operators.PacketOrDeadLetterTypeInfo;
import io.uavstream.operators.VideoRecordDeserializer;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The replay job graph: the recorded video topic between the plan's offsets, cut to the range's
 * drones and capture times ({@link ReplayRangeFunction}), optionally paced, analysed by the same
 * {@link DroneAnalysis} as live video but with every frame analysed, and written with the replay
 * ID to the replay topics. Zone and line analytics use the plan's fixed definitions, in force from
 * each drone's first frame, and the job reads no control topic.
 *
 * <p>The source emits no watermarks, only the final one at the end of the bounded input. Event-time
 * timers downstream, such as the tracker's silence timer, therefore fire at the same point of
 * every replay, instead of when an interleaving of drones moves the watermark.
 */
public final class ReplayTopology {

    /**
     * State backend of every replay, whatever the cluster configures. A replay keeps a few hundred KB
     * per drone (an estimate: tracker, odometry and the open GOP). RocksDB would serialize that on
     * every frame, while the heap backend writes it out only at checkpoints.
     */
    static final String STATE_BACKEND = "hashmap";

    /** Room, in bytes, above {@link Topics#MAX_MESSAGE_BYTES} for the record batch framing. */
    private static final int FETCH_OVERHEAD_BYTES = 64 * 1024;

    private ReplayTopology() {}

    /** Adds the replay job of {@code plan} to {@code env}. */
    public static AnalysisStreams build(StreamExecutionEnvironment env, ReplayPlan plan) {
        ReplayOptions options = plan.options();
        JobOptions jobOptions = plan.jobOptions();
        UavstreamTopology.configure(env, jobOptions);
        env.configure(new Configuration().set(StateBackendOptions.STATE_BACKEND, STATE_BACKEND));

        DataStream<PacketOrDeadLetter> packets = readRange(env, plan);
        AnalysisConfig analysisConfig = UavstreamTopology.analysisConfig(env, jobOptions);
        AnalysisStreams analysis = plan.definitions().analytics()
                ? DroneAnalysis.applyWithFixedDefinitions(packets, plan.definitions().definitionsByDrone(), analysisConfig)
                : DroneAnalysis.apply(packets, analysisConfig);

        SingleOutputStreamOperator<FrameDetections> detections = analysis.detections()
                .flatMap(ReplayStamp.detections(options.range(), plan.replayId()),
                        AvroRecordTypeInfo.forClass(FrameDetections.class))
                .name("Stamp replayed detections")
                .uid("replay-stamp-detections");
        UavstreamTopology.writeDetections(detections, jobOptions);
        analysis.trackEvents().ifPresent(trackEvents -> UavstreamTopology.writeTrackEvents(trackEvents
                        .flatMap(ReplayStamp.trackEvents(options.range(), plan.replayId(), plan.modelId()),
                                AvroRecordTypeInfo.forClass(TrackEvent.class))
                        .name("Stamp replayed track events")
                        .uid("replay-stamp-track-events"),
                jobOptions));
        analysis.analyticsEvents().ifPresent(analyticsEvents -> UavstreamTopology.writeAnalyticsEvents(analyticsEvents
                        .flatMap(ReplayStamp.analyticsEvents(options.range(), plan.replayId()),
                                AvroRecordTypeInfo.forClass(AnalyticsEvent.class))
                        .name("Stamp replayed analytics events")
                        .uid("replay-stamp-analytics-events"),
                jobOptions));
        UavstreamTopology.writeDeadLetters(analysis.deadLetters(), jobOptions);
        return analysis;
    }

    /** Adds the bounded video source and cuts its packets to the range, paced when the options ask for it. */
    static DataStream<PacketOrDeadLetter> readRange(StreamExecutionEnvironment env, ReplayPlan plan) {
        ReplayOptions options = plan.options();
        DataStream<PacketOrDeadLetter> records = env
                .fromSource(videoSource(plan), captureTimestamps(), "Kafka " + options.videoTopic() + " (replay)")
                .uid("replay-video-source");
        DataStream<PacketOrDeadLetter> packets = records
                .process(new ReplaySelection(options.range()), PacketOrDeadLetterTypeInfo.INSTANCE)
                .name("Select replayed drones")
                .uid("replay-select-drones")
                .keyBy(PacketOrDeadLetter::droneId, Types.STRING)
                .process(new ReplayRangeFunction(options.range()), PacketOrDeadLetterTypeInfo.INSTANCE)
                .name("Cut to replay range")
                .uid("replay-cut-range");
        if (!options.paced()) {
            return packets;
        }
        return packets
                .map(new ReplayPacer(options.range().fromMicros(), options.speed()), PacketOrDeadLetterTypeInfo.INSTANCE)
                .name("Pace at " + options.speed() + "x")
                .uid("replay-pacer");
    }

    static KafkaSource<PacketOrDeadLetter> videoSource(ReplayPlan plan) {
        ReplayOptions options = plan.options();
        int maxPartitionFetchBytes = Topics.MAX_MESSAGE_BYTES + FETCH_OVERHEAD_BYTES;
        return KafkaSource.<PacketOrDeadLetter>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.videoTopic())
                .setGroupId(plan.jobOptions().groupId())
                .setClientIdPrefix(plan.jobOptions().groupId() + "-video")
                .setStartingOffsets(OffsetsInitializer.offsets(plan.offsets().starting()))
                .setBounded(OffsetsInitializer.offsets(plan.offsets().stopping()))
                .setDeserializer(new VideoRecordDeserializer())
                .setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(maxPartitionFetchBytes))
                .setProperty(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(Math.max(50 * 1024 * 1024,
                        maxPartitionFetchBytes)))
                .setProperty("commit.offsets.on.checkpoint", "false")
                .build();
    }

    /** Capture times as record timestamps, and no watermarks before the end of the input. */
    private static WatermarkStrategy<PacketOrDeadLetter> captureTimestamps() {
        return WatermarkStrategy.<PacketOrDeadLetter>noWatermarks()
                .withTimestampAssigner((record, kafkaTimestamp) -> record.isPacket()
                        ? ChronoUnit.MILLIS.between(Instant.EPOCH, record.packet().getCaptureTimeMicros())
                        : kafkaTimestamp);
    }
}
