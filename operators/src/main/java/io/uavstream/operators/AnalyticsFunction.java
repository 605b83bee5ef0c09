package io.uavstream.operators;

import io.uavstream.analytics.TrackAnalytics;
import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zone, line and count analytics of each drone's tracks, keyed by drone ID. It keeps the state and
 * calls {@link TrackAnalytics}, which defines the events.
 *
 * <p>Inputs: tracked {@link FrameDetections}, whose boxes with a track ID are the drone's matched
 * tracks, and the broadcast {@link DefinitionUpdate}s of the control topic. Output: one
 * {@link AnalyticsEvent} record per event.
 *
 * <p>Definitions apply by capture time: a frame uses the drone's latest update whose effective
 * time (its control record's Kafka timestamp) is at or before the frame's capture time. So that
 * every update is in place before the frames it applies to, frames wait in keyed state until the
 * watermark, which the control input holds back until its records are read, passes their capture
 * time. A restore from a checkpoint therefore repeats the same events.
 *
 * <p>{@link FrameAnalyser} analyses each frame: lost tracks, sessions and WGS84 projection.
 *
 * <p>Keyed state: {@link DroneAnalytics} ({@link DroneAnalyticsTypeSerializer}) and the frames
 * waiting for the watermark. Broadcast state: each drone's updates by effective time, without
 * those that a later update replaced before the watermark.
 */
final class AnalyticsFunction
        extends KeyedBroadcastProcessFunction<String, FrameDetections, DefinitionUpdate, AnalyticsEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsFunction.class);

    /** Broadcast state: each drone's definition updates, ordered by effective time. */
    static final MapStateDescriptor<String, List<DefinitionUpdate>> DEFINITIONS = new MapStateDescriptor<>(
            "analytics-definitions", Types.STRING, Types.LIST(Types.POJO(DefinitionUpdate.class)));

    /** Updates kept per drone at most; older ones are dropped first, and only late frames could need them. */
    static final int MAX_UPDATES_PER_DRONE = 16;

    /** Parsed documents kept per subtask, so that a frame does not parse its drone's document again. */
    private static final int MAX_PARSED_DOCUMENTS = 256;

    private final AnalysisConfig config;

    private transient ValueState<DroneAnalytics> droneState;
    private transient ListState<FrameDetections> pendingFrames;
    private transient Map<String, DefinitionSet> parsedDocuments;
    private transient FrameAnalyser analyser;
    private transient Counter lateFrames;
    private transient Counter lateUpdates;

    AnalyticsFunction(AnalysisConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        droneState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("drone-analytics", DroneAnalyticsTypeSerializer.INSTANCE));
        pendingFrames = getRuntimeContext().getListState(
                new ListStateDescriptor<>("analytics-pending-frames", AvroRecordTypeInfo.forClass(FrameDetections.class)));
        parsedDocuments = new HashMap<>();
        analyser = new FrameAnalyser(config, getRuntimeContext());
        lateFrames = getRuntimeContext().getMetricGroup().counter("analyticsLateFrames");
        lateUpdates = getRuntimeContext().getMetricGroup().counter("analyticsLateDefinitionUpdates");
    }

    @Override
    public void processElement(FrameDetections frame, ReadOnlyContext ctx, Collector<AnalyticsEvent> out)
            throws Exception {
        // A copy, because the input object may be reused once this call returns.
        FrameDetections copy = FrameDetections.newBuilder(frame).build();
        long captureMillis = Math.floorDiv(FrameAnalyser.captureMicros(copy), 1000);
        if (captureMillis <= ctx.timerService().currentWatermark()) {
            // NOTE: a late frame uses the updates that have arrived so far, so a replay may differ here.
            lateFrames.inc();
            analyse(copy, ctx.getBroadcastState(DEFINITIONS), out);
            return;
        }
        pendingFrames.add(copy);
        ctx.timerService().registerEventTimeTimer(captureMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnalyticsEvent> out) throws Exception {
        List<FrameDetections> due = new ArrayList<>();
        List<FrameDetections> waiting = new ArrayList<>();
        for (FrameDetections frame : pendingFrames.get()) {
            (Math.floorDiv(FrameAnalyser.captureMicros(frame), 1000) <= timestamp ? due : waiting).add(frame);
        }
        pendingFrames.update(waiting);
        due.sort(Comparator.comparingLong(FrameAnalyser::captureMicros));
        ReadOnlyBroadcastState<String, List<DefinitionUpdate>> definitions = ctx.getBroadcastState(DEFINITIONS);
        for (FrameDetections frame : due) {
            analyse(frame, definitions, out);
        }
    }

    @Override
    public void processBroadcastElement(DefinitionUpdate update, Context ctx, Collector<AnalyticsEvent> out)
            throws Exception {
        BroadcastState<String, List<DefinitionUpdate>> state = ctx.getBroadcastState(DEFINITIONS);
        List<DefinitionUpdate> updates = new ArrayList<>();
        List<DefinitionUpdate> previous = state.get(update.getDroneId());
        if (previous != null) {
            previous.stream().filter(old -> old.getEffectiveMicros() != update.getEffectiveMicros()).forEach(updates::add);
        }
        updates.add(update);
        updates.sort(Comparator.comparingLong(DefinitionUpdate::getEffectiveMicros));

        long watermark = ctx.currentWatermark();
        long watermarkMicros = watermark == Long.MIN_VALUE ? Long.MIN_VALUE : Math.multiplyExact(watermark, 1000L);
        if (update.getEffectiveMicros() <= watermarkMicros) {
            lateUpdates.inc();
            LOG.warn("Drone {}: definition update effective at {} arrived after the watermark {}; frames captured"
                    + " in between were analysed with the previous definitions", update.getDroneId(),
                    AnalyticsEventRecords.instant(update.getEffectiveMicros()), Instant.ofEpochMilli(watermark));
        }
        // An update that a later one replaced at or before the watermark serves late frames only.
        while (updates.size() > 1 && updates.get(1).getEffectiveMicros() <= watermarkMicros) {
            updates.remove(0);
        }
        while (updates.size() > MAX_UPDATES_PER_DRONE) {
            DefinitionUpdate dropped = updates.remove(0);
            LOG.warn("Drone {}: more than {} definition updates ahead of the watermark; dropped the one effective at {}",
                    update.getDroneId(), MAX_UPDATES_PER_DRONE, AnalyticsEventRecords.instant(dropped.getEffectiveMicros()));
        }
        state.put(update.getDroneId(), updates);
    }

    /** Runs the drone's analytics on one frame with the definitions in force at its capture time. */
    private void analyse(FrameDetections frame, ReadOnlyBroadcastState<String, List<DefinitionUpdate>> definitions,
            Collector<AnalyticsEvent> out) throws Exception {
        DroneAnalytics drone = droneState.value();
        if (drone == null) {
            drone = DroneAnalytics.INITIAL;
        }
        DefinitionSet inForce = definitionsAt(definitions, frame.getDroneId(), FrameAnalyser.captureMicros(frame));
        DroneAnalytics next = analyser.analyse(frame, drone, inForce, out);
        if (next != drone) {
            droneState.update(next);
        }
    }

    /** Returns the drone's definitions at a capture time: those of its latest update effective at or before it. */
    private DefinitionSet definitionsAt(ReadOnlyBroadcastState<String, List<DefinitionUpdate>> definitions,
            String droneId, long captureMicros) throws Exception {
        List<DefinitionUpdate> updates = definitions.get(droneId);
        DefinitionUpdate current = null;
        if (updates != null) {
            for (DefinitionUpdate update : updates) {
                if (update.getEffectiveMicros() <= captureMicros) {
                    current = update;
                }
            }
        }
        if (current == null || current.getDocument() == null) {
            return DefinitionSet.EMPTY;
        }
        DefinitionSet parsed = parsedDocuments.get(current.getDocument());
        if (parsed == null) {
            parsed = parse(current);
            if (parsedDocuments.size() >= MAX_PARSED_DOCUMENTS) {
                parsedDocuments.clear();
            }
            parsedDocuments.put(current.getDocument(), parsed);
        }
        return parsed;
    }

    private static DefinitionSet parse(DefinitionUpdate update) {
        try {
            return DefinitionParser.parse(update.getDocument(), update.getDroneId());
        } catch (InvalidDefinitionException e) {
            // ControlParseFunction accepted the same document with the same parser.
            throw new IllegalStateException("Drone " + update.getDroneId() + ": a checked definition document"
                    + " failed to parse again: " + e.getMessage(), e);
        }
    }
}
