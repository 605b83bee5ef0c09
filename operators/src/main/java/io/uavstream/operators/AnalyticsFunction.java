package io.uavstream.operators;

import io.uavstream.analytics.TrackAnalytics;
import io.uavstream.analytics.TrackAnalyticsConfig;
import io.uavstream.analytics.TrackObservation;
import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.state.AnalyticsState;
import io.uavstream.analytics.state.TrackMemory;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * <p>A confirmed track that is missing from a frame for at most the tracker's max lost time is
 * passed to {@code TrackAnalytics} at its last reference point without a WGS84 position, so a
 * missed detection neither ends its stays in zones nor crosses a line. A frame of a new session
 * ends every track of the previous one. With a georeferenced, metric {@code FramePose}, each
 * box's reference point is projected onto the ground ({@link PoseProjection}) and WGS84 zones and
 * lines apply; without one they ignore the frame's tracks.
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

    private final TrackAnalyticsConfig analyticsConfig;
    private final long maxLostMicros;

    private transient ValueState<DroneAnalytics> droneState;
    private transient ListState<FrameDetections> pendingFrames;
    private transient Map<String, DefinitionSet> parsedDocuments;
    private transient AnalysisCounter analyticsEvents;
    private transient AnalysisCounter framesNotAnalysed;
    private transient Counter lateFrames;
    private transient Counter lateUpdates;
    private transient Counter unusablePoses;
    private transient Counter skippedBoxes;
    private transient LogRateLimiter poseLog;
    private transient LogRateLimiter orderLog;
    private transient LogRateLimiter boxLog;

    AnalyticsFunction(AnalysisConfig config) {
        this.analyticsConfig = config.analyticsConfig();
        this.maxLostMicros = config.trackerConfig().maxLostTime().toNanos() / 1000;
    }

    @Override
    public void open(OpenContext openContext) {
        droneState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("drone-analytics", DroneAnalyticsTypeSerializer.INSTANCE));
        pendingFrames = getRuntimeContext().getListState(
                new ListStateDescriptor<>("analytics-pending-frames", AvroRecordTypeInfo.forClass(FrameDetections.class)));
        parsedDocuments = new HashMap<>();
        analyticsEvents = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.ANALYTICS_EVENTS);
        framesNotAnalysed = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.FRAMES_NOT_ANALYSED);
        lateFrames = getRuntimeContext().getMetricGroup().counter("analyticsLateFrames");
        lateUpdates = getRuntimeContext().getMetricGroup().counter("analyticsLateDefinitionUpdates");
        unusablePoses = getRuntimeContext().getMetricGroup().counter("analyticsUnusablePoses");
        skippedBoxes = getRuntimeContext().getMetricGroup().counter("analyticsSkippedBoxes");
        poseLog = new LogRateLimiter();
        orderLog = new LogRateLimiter();
        boxLog = new LogRateLimiter();
    }

    @Override
    public void processElement(FrameDetections frame, ReadOnlyContext ctx, Collector<AnalyticsEvent> out)
            throws Exception {
        // A copy, because the input object may be reused once this call returns.
        FrameDetections copy = FrameDetections.newBuilder(frame).build();
        long captureMillis = Math.floorDiv(captureMicros(copy), 1000);
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
            (Math.floorDiv(captureMicros(frame), 1000) <= timestamp ? due : waiting).add(frame);
        }
        pendingFrames.update(waiting);
        due.sort(Comparator.comparingLong(AnalyticsFunction::captureMicros));
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

    /** Runs the drone's analytics on one frame and emits its events. */
    private void analyse(FrameDetections frame, ReadOnlyBroadcastState<String, List<DefinitionUpdate>> definitions,
            Collector<AnalyticsEvent> out) throws Exception {
        String droneId = frame.getDroneId();
        long captureMicros = captureMicros(frame);
        DroneAnalytics drone = droneState.value();
        if (drone == null) {
            drone = DroneAnalytics.INITIAL;
        }
        long lastCaptureMicros = drone.analytics().lastCaptureTimeMicros();
        if (lastCaptureMicros != AnalyticsState.NO_TIME && captureMicros < lastCaptureMicros) {
            skipFrame(frame, lastCaptureMicros - captureMicros);
            return;
        }

        Map<Long, TrackObservation> matched = matchedTracks(frame);
        boolean sameSession = drone.sessionId().equals(frame.getSessionId());
        SortedMap<Long, Long> lastMatched = new TreeMap<>(sameSession ? drone.lastMatchedMicros() : Map.of());
        matched.keySet().forEach(trackId -> lastMatched.put(trackId, captureMicros));
        List<TrackObservation> frameTracks = new ArrayList<>(matched.values());
        frameTracks.addAll(lostTracks(drone.analytics(), lastMatched, matched, captureMicros));

        TrackAnalytics analytics = TrackAnalytics.restore(
                droneId, analyticsConfig, definitionsAt(definitions, droneId, captureMicros), drone.analytics());
        List<io.uavstream.analytics.event.AnalyticsEvent> events = analytics.update(captureMicros, frameTracks);
        droneState.update(new DroneAnalytics(frame.getSessionId(), analytics.snapshot(), lastMatched));
        for (io.uavstream.analytics.event.AnalyticsEvent event : events) {
            out.collect(AnalyticsEventRecords.toRecord(event, frame, matched, analyticsConfig.referencePoint()));
            analyticsEvents.inc();
        }
    }

    /** Returns the frame's boxes that carry a track ID, with their WGS84 ground positions when the pose gives them. */
    private Map<Long, TrackObservation> matchedTracks(FrameDetections frame) {
        Optional<PoseProjection> projection = projection(frame);
        Map<Long, TrackObservation> matched = new TreeMap<>();
        for (DetectedBox box : frame.getBoxes()) {
            Long trackId = box.getTrackId();
            if (trackId == null) {
                continue;
            }
            TrackObservation observation;
            try {
                observation = TrackObservation.of(trackId, box.getClassName(), box.getX1(), box.getY1(), box.getX2(), box.getY2());
            } catch (IllegalArgumentException e) {
                skipBox(frame, trackId, e.getMessage());
                continue;
            }
            if (matched.containsKey(trackId)) {
                skipBox(frame, trackId, "a second box of the track in the same frame");
                continue;
            }
            if (projection.isPresent()) {
                Point2 pixel = observation.referencePoint(analyticsConfig.referencePoint());
                GeodeticPoint ground = projection.get().groundPosition(pixel).orElse(null);
                observation = observation.withWorldPosition(ground);
            }
            matched.put(trackId, observation);
        }
        return matched;
    }

    /**
     * Returns the tracks of the previous frames that this frame did not match but that the tracker
     * still keeps, each as a point box at its last reference point, and drops from
     * {@code lastMatched} the tracks missing for longer than the max lost time.
     */
    private List<TrackObservation> lostTracks(AnalyticsState previous, SortedMap<Long, Long> lastMatched,
            Map<Long, TrackObservation> matched, long captureMicros) {
        List<TrackObservation> lost = new ArrayList<>();
        var iterator = lastMatched.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<Long, Long> entry = iterator.next();
            if (matched.containsKey(entry.getKey())) {
                continue;
            }
            TrackMemory memory = previous.tracks().get(entry.getKey());
            if (memory == null || captureMicros - entry.getValue() > maxLostMicros) {
                iterator.remove();
                continue;
            }
            Point2 last = memory.lastPixel();
            lost.add(TrackObservation.of(memory.trackId(), memory.className(), last.x(), last.y(), last.x(), last.y()));
        }
        return lost;
    }

    private Optional<PoseProjection> projection(FrameDetections frame) {
        try {
            return PoseProjection.of(frame.getPose());
        } catch (IllegalArgumentException e) {
            unusablePoses.inc();
            long suppressed = poseLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {} session {}: frame {} has a pose that cannot place boxes on the ground, so WGS84"
                        + " zones and lines ignore it: {} ({} similar messages suppressed)", frame.getDroneId(),
                        frame.getSessionId(), frame.getFrameSequence(), e.getMessage(), suppressed);
            }
            return Optional.empty();
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

    private void skipFrame(FrameDetections frame, long earlierByMicros) {
        framesNotAnalysed.inc();
        long suppressed = orderLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Drone {} session {}: frame {} is not analysed for zones and lines, because its capture time"
                    + " precedes that of the previous analysed frame by {} us ({} similar messages suppressed)",
                    frame.getDroneId(), frame.getSessionId(), frame.getFrameSequence(), earlierByMicros, suppressed);
        }
    }

    private void skipBox(FrameDetections frame, long trackId, String reason) {
        skippedBoxes.inc();
        long suppressed = boxLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Drone {} session {}: box of track {} in frame {} is left out of zone and line analytics: {}"
                    + " ({} similar messages suppressed)", frame.getDroneId(), frame.getSessionId(), trackId,
                    frame.getFrameSequence(), reason, suppressed);
        }
    }

    private static long captureMicros(FrameDetections frame) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, frame.getCaptureTimeMicros());
    }
}
