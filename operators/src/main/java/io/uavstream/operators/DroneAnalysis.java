package io.uavstream.operators;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the per-drone analysis: dead letters split off, packets keyed by drone ID, decoded by
 * {@link DecodeFunction}, analysed by {@link DetectFunction} and, with tracking on, tracked by
 * {@link TrackFunction}, all in the same task. With control records and model control on,
 * {@link ModelSelectFunction} heads that task: it receives the model selections as broadcast and
 * hands each drone's selection to the detector.
 */
public final class DroneAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(DroneAnalysis.class);

    /** Side output shared by the split and decode operators. */
    static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", AvroRecordTypeInfo.forClass(DeadLetter.class));

    /** Side output of the tracking operator. */
    static final OutputTag<TrackEvent> TRACK_EVENTS =
            new OutputTag<>("track-events", AvroRecordTypeInfo.forClass(TrackEvent.class));

    /** Operator UIDs, stable across releases so that savepoints keep restoring. */
    static final String SPLIT_UID = "split-dead-letters";
    static final String DECODE_UID = "decode-video";
    static final String DETECT_UID = "detect-objects";
    static final String TRACK_UID = "track-objects";
    static final String UNTRACKED_UID = "detections-untracked";
    static final String CONTROL_PARSE_UID = "parse-analytics-control";
    static final String MODEL_SELECT_UID = "select-models";
    static final String ANALYTICS_UID = "analyse-zones-and-lines";
    static final String FIXED_DEFINITIONS_ANALYTICS_UID = "analyse-zones-and-lines-fixed";

    private DroneAnalysis() {}

    /**
     * Returns the watermark strategy for the video source. Event time is a packet's capture time;
     * a dead letter keeps its Kafka record timestamp.
     *
     * @param maxOutOfOrderness how far behind the newest capture time a packet may arrive
     * @param idleness how long a source split may send nothing before it stops holding back the
     *     watermark
     */
    public static WatermarkStrategy<PacketOrDeadLetter> watermarks(Duration maxOutOfOrderness, Duration idleness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        Objects.requireNonNull(idleness, "idleness");
        return WatermarkStrategy.<PacketOrDeadLetter>forBoundedOutOfOrderness(maxOutOfOrderness)
                .withTimestampAssigner((record, kafkaTimestamp) -> record.isPacket()
                        ? ChronoUnit.MILLIS.between(Instant.EPOCH, record.packet().getCaptureTimeMicros())
                        : kafkaTimestamp)
                .withIdleness(idleness);
    }

    /**
     * Returns the watermark strategy for the analytics control source. Event time is the Kafka
     * record timestamp, the time from which a record's definitions apply. The watermark follows
     * the newest record read, and the source stops holding back the watermark once it has read
     * nothing for {@code idleness}, so frames wait at most that long after the control records
     * that precede them have been read.
     *
     * @param idleness how long the control source may read nothing before it stops holding back
     *     the watermark
     */
    public static WatermarkStrategy<ControlRecord> controlWatermarks(Duration idleness) {
        Objects.requireNonNull(idleness, "idleness");
        return WatermarkStrategy.<ControlRecord>forMonotonousTimestamps()
                .withTimestampAssigner((record, kafkaTimestamp) -> record.getTimestampMillis())
                .withIdleness(idleness);
    }

    /**
     * Adds the analysis without zone and line analytics; see {@link #apply(DataStream, DataStream,
     * AnalysisConfig)}.
     */
    public static AnalysisStreams apply(DataStream<PacketOrDeadLetter> records, AnalysisConfig config) {
        return apply(records, null, config);
    }

    /**
     * Adds the analysis to the records' environment and enables object reuse there, which the
     * chained decode and detect operators need to hand frames over without copying them.
     *
     * @param records deserialized video records, for example from {@link VideoRecordDeserializer}
     * @param controlRecords records of the analytics control topic, for example from
     *     {@link ControlRecordDeserializer} with {@link #controlWatermarks}; null for no zone and
     *     line analytics and no model switching. Their zones and lines have no effect with tracking
     *     off, and their model records none with {@link AnalysisConfig#modelControl()} off.
     * @return the detections, the track events when tracking is on, the analytics events when
     *     tracking and {@link AnalysisConfig#analytics()} are on and control records are given, and
     *     all dead letters
     */
    public static AnalysisStreams apply(
            DataStream<PacketOrDeadLetter> records, DataStream<ControlRecord> controlRecords, AnalysisConfig config) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(config, "config");
        requireObjectReuse(records.getExecutionEnvironment().getConfig());

        // The source's parallelism keeps the split a forward connection: a rebalance would reorder
        // the packets of one Kafka partition, and the decoder needs them in sequence.
        SingleOutputStreamOperator<PacketOrDeadLetter> packets = records
                .process(new DeadLetterSplitFunction(), PacketOrDeadLetterTypeInfo.INSTANCE)
                .setParallelism(records.getParallelism())
                .name("Split dead letters")
                .uid(SPLIT_UID);

        SingleOutputStreamOperator<DefinitionUpdate> updates = controlRecords == null ? null : controlRecords
                .process(new ControlParseFunction(config.modelPath(), config.modelControl()),
                        Types.POJO(DefinitionUpdate.class))
                .setParallelism(controlRecords.getParallelism())
                .name("Parse analytics control")
                .uid(CONTROL_PARSE_UID);
        KeyedStream<PacketOrDeadLetter, String> keyedPackets = packets.keyBy(PacketOrDeadLetter::droneId, Types.STRING);
        if (updates != null && config.modelControl()) {
            keyedPackets = selectModels(keyedPackets, updates);
        }

        SingleOutputStreamOperator<DecodedVideoFrame> frames = keyedPackets
                .process(new DecodeFunction(config), DecodedVideoFrameTypeInfo.INSTANCE)
                .name("Decode video")
                .uid(DECODE_UID);

        // Frames keep their drone's partitioning, so detection needs no shuffle and stays chained.
        SingleOutputStreamOperator<AnalysedFrame> analysed = DataStreamUtils
                .reinterpretAsKeyedStream(frames, DecodedVideoFrame::droneId, Types.STRING)
                .process(new DetectFunction(config), AnalysedFrameTypeInfo.INSTANCE)
                .name("Detect objects")
                .uid(DETECT_UID);

        DataStream<DeadLetter> deadLetters = packets.getSideOutput(DEAD_LETTERS)
                .union(frames.getSideOutput(DEAD_LETTERS), analysed.getSideOutput(DEAD_LETTERS));
        if (updates != null) {
            deadLetters = deadLetters.union(updates.getSideOutput(DEAD_LETTERS));
        }
        if (!config.tracking()) {
            SingleOutputStreamOperator<FrameDetections> detections = analysed
                    .map(AnalysedFrame::detections, AvroRecordTypeInfo.forClass(FrameDetections.class))
                    .name("Detections without tracking")
                    .uid(UNTRACKED_UID);
            if (controlRecords != null && config.analytics()) {
                LOG.info("Zone and line analytics are off, because they need tracking, which is off");
            }
            return new AnalysisStreams(detections, null, null, deadLetters);
        }

        // Tracking keeps the drone's partitioning too, so it runs chained after detection.
        SingleOutputStreamOperator<FrameDetections> tracked = DataStreamUtils
                .reinterpretAsKeyedStream(analysed, frame -> frame.detections().getDroneId(), Types.STRING)
                .process(new TrackFunction(config), AvroRecordTypeInfo.forClass(FrameDetections.class))
                .name("Track objects")
                .uid(TRACK_UID);
        if (updates == null || !config.analytics()) {
            return new AnalysisStreams(tracked, tracked.getSideOutput(TRACK_EVENTS), null, deadLetters);
        }

        BroadcastStream<DefinitionUpdate> definitions = updates.broadcast(AnalyticsFunction.DEFINITIONS);
        // The tracked frames keep their drone's partitioning, so they reach the analytics without a shuffle.
        SingleOutputStreamOperator<AnalyticsEvent> analyticsEvents = DataStreamUtils
                .reinterpretAsKeyedStream(tracked, FrameDetections::getDroneId, Types.STRING)
                .connect(definitions)
                .process(new AnalyticsFunction(config), AvroRecordTypeInfo.forClass(AnalyticsEvent.class))
                .name("Analyse zones and lines")
                .uid(ANALYTICS_UID);
        return new AnalysisStreams(tracked, tracked.getSideOutput(TRACK_EVENTS), analyticsEvents, deadLetters);
    }

    /**
     * Adds {@link ModelSelectFunction} between the keyed packets and the decoder. It forwards the
     * packets without a shuffle, so the decoder and detector stay chained to it in one task.
     */
    private static KeyedStream<PacketOrDeadLetter, String> selectModels(
            KeyedStream<PacketOrDeadLetter, String> keyedPackets, SingleOutputStreamOperator<DefinitionUpdate> updates) {
        BroadcastStream<ModelSelection> selections = updates.getSideOutput(ControlParseFunction.MODEL_SELECTIONS)
                .broadcast(ModelSelectFunction.SELECTIONS);
        SingleOutputStreamOperator<PacketOrDeadLetter> selected = keyedPackets
                .connect(selections)
                .process(new ModelSelectFunction(), PacketOrDeadLetterTypeInfo.INSTANCE)
                .name("Select models")
                .uid(MODEL_SELECT_UID);
        return DataStreamUtils.reinterpretAsKeyedStream(selected, PacketOrDeadLetter::droneId, Types.STRING);
    }

    /**
     * Adds the analysis with zone and line analytics whose definitions are fixed for the whole job
     * and in force from each drone's first frame, as a replay of recorded video needs. Each frame
     * is analysed as it arrives, without a control stream or watermarks
     * ({@link FixedDefinitionsAnalyticsFunction}).
     *
     * @param definitions the zones and lines of each drone by drone ID; a drone without an entry
     *     gets class-count events only
     * @return as {@link #apply(DataStream, DataStream, AnalysisConfig)}, with analytics events when
     *     tracking is on
     */
    public static AnalysisStreams applyWithFixedDefinitions(
            DataStream<PacketOrDeadLetter> records, Map<String, DefinitionSet> definitions, AnalysisConfig config) {
        Objects.requireNonNull(definitions, "definitions");
        AnalysisStreams analysis = apply(records, null, config);
        if (!config.tracking()) {
            LOG.info("Zone and line analytics are off, because they need tracking, which is off");
            return analysis;
        }
        SingleOutputStreamOperator<AnalyticsEvent> analyticsEvents = DataStreamUtils
                .reinterpretAsKeyedStream(analysis.detections(), FrameDetections::getDroneId, Types.STRING)
                .process(new FixedDefinitionsAnalyticsFunction(config, definitions),
                        AvroRecordTypeInfo.forClass(AnalyticsEvent.class))
                .name("Analyse zones and lines (fixed definitions)")
                .uid(FIXED_DEFINITIONS_ANALYTICS_UID);
        return new AnalysisStreams(analysis.detections(), analysis.trackEvents().orElseThrow(), analyticsEvents,
                analysis.deadLetters());
    }

    private static void requireObjectReuse(ExecutionConfig executionConfig) {
        if (!executionConfig.isObjectReuseEnabled()) {
            executionConfig.enableObjectReuse();
            LOG.info("Enabled object reuse, so that decoded frames pass from decoding to detection without a copy");
        }
    }
}
