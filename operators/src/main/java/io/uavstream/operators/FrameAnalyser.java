package io.uavstream.operators;

import io.uavstream.analytics.TrackAnalytics;
import io.uavstream.analytics.TrackAnalyticsConfig;
import io.uavstream.analytics.TrackObservation;
import io.uavstream.analytics.definition.DefinitionSet;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the zone, line and count analytics of one drone on one tracked frame, given the drone's
 * keyed state and the definitions in force at the frame. The operators that own the state and
 * the definitions ({@link AnalyticsFunction}, {@link FixedDefinitionsAnalyticsFunction}) create
 * one per subtask in {@code open}, which registers its metrics.
 *
 * <p>A confirmed track that is missing from a frame for at most the tracker's max lost time is
 * passed to {@code TrackAnalytics} at its last reference point without a WGS84 position, so a
 * missed detection neither ends its stays in zones nor crosses a line. A frame of a new session
 * ends every track of the previous one. With a georeferenced, metric {@code FramePose}, each
 * box's reference point is projected onto the ground ({@link PoseProjection}) and WGS84 zones and
 * lines apply; without one they ignore the frame's tracks. A frame captured before the drone's
 * previous analysed frame is skipped and counted in {@value AnalysisCounters#FRAMES_NOT_ANALYSED}.
 */
final class FrameAnalyser {
    private static final Logger LOG = LoggerFactory.getLogger(FrameAnalyser.class);

    private final TrackAnalyticsConfig analyticsConfig;
    private final long maxLostMicros;
    private final AnalysisCounter analyticsEvents;
    private final AnalysisCounter framesNotAnalysed;
    private final Counter unusablePoses;
    private final Counter skippedBoxes;
    private final LogRateLimiter poseLog = new LogRateLimiter();
    private final LogRateLimiter orderLog = new LogRateLimiter();
    private final LogRateLimiter boxLog = new LogRateLimiter();

    /** Creates the analyser of one subtask and registers its counters in {@code context}. */
    FrameAnalyser(AnalysisConfig config, RuntimeContext context) {
        this.analyticsConfig = config.analyticsConfig();
        this.maxLostMicros = config.trackerConfig().maxLostTime().toNanos() / 1000;
        this.analyticsEvents = AnalysisCounter.register(context, AnalysisCounters.ANALYTICS_EVENTS);
        this.framesNotAnalysed = AnalysisCounter.register(context, AnalysisCounters.FRAMES_NOT_ANALYSED);
        this.unusablePoses = context.getMetricGroup().counter("analyticsUnusablePoses");
        this.skippedBoxes = context.getMetricGroup().counter("analyticsSkippedBoxes");
    }

    /**
     * Analyses one frame of a drone with {@code definitions} and emits its events.
     *
     * @param drone the drone's state before the frame, {@link DroneAnalytics#INITIAL} before its first frame
     * @return the drone's state after the frame, or {@code drone} itself when the frame was skipped
     */
    DroneAnalytics analyse(FrameDetections frame, DroneAnalytics drone, DefinitionSet definitions,
            Collector<AnalyticsEvent> out) {
        String droneId = frame.getDroneId();
        long captureMicros = captureMicros(frame);
        long lastCaptureMicros = drone.analytics().lastCaptureTimeMicros();
        if (lastCaptureMicros != AnalyticsState.NO_TIME && captureMicros < lastCaptureMicros) {
            skipFrame(frame, lastCaptureMicros - captureMicros);
            return drone;
        }

        Map<Long, TrackObservation> matched = matchedTracks(frame);
        boolean sameSession = drone.sessionId().equals(frame.getSessionId());
        SortedMap<Long, Long> lastMatched = new TreeMap<>(sameSession ? drone.lastMatchedMicros() : Map.of());
        matched.keySet().forEach(trackId -> lastMatched.put(trackId, captureMicros));
        List<TrackObservation> frameTracks = new ArrayList<>(matched.values());
        frameTracks.addAll(lostTracks(drone.analytics(), lastMatched, matched, captureMicros));

        TrackAnalytics analytics = TrackAnalytics.restore(droneId, analyticsConfig, definitions, drone.analytics());
        List<io.uavstream.analytics.event.AnalyticsEvent> events = analytics.update(captureMicros, frameTracks);
        for (io.uavstream.analytics.event.AnalyticsEvent event : events) {
            out.collect(AnalyticsEventRecords.toRecord(event, frame, matched, analyticsConfig.referencePoint()));
            analyticsEvents.inc();
        }
        return new DroneAnalytics(frame.getSessionId(), analytics.snapshot(), lastMatched);
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

    /** Returns the frame's capture time in microseconds since the epoch. */
    static long captureMicros(FrameDetections frame) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, frame.getCaptureTimeMicros());
    }
}
