package io.uavstream.operators;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackEventType;
import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerCounters;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.Trackers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.uavstream.tracking.geometry.Homography;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the objects of each drone, keyed by drone ID: runs the drone's multi-object tracker on
 * every analysed frame, sets the track ID on each detection that extends a confirmed track, emits
 * the frame's {@link FrameDetections}, and emits {@link TrackEvent}s to the
 * {@link DroneAnalysis#TRACK_EVENTS} side output.
 *
 * <p>Keyed state contains the drone's {@link TrackerState} ({@link TrackerStateTypeSerializer}) and a
 * {@link DroneTrackHistory}. The tracker is rebuilt from its state for each frame, so a restore
 * continues exactly where the checkpoint was taken: the same track IDs, counted up from 1 per
 * drone and never reused, and the same events.
 *
 * <p>Events: STARTED when a track is confirmed, UPDATED when a confirmed track is matched again,
 * at most once per {@link AnalysisConfig#trackUpdateInterval()} of capture time, and ENDED once for
 * each confirmed track when the tracker removes it. All tracks of a drone end when a frame of
 * a new session arrives, and when the drone sends no frame for longer than the tracker's max lost
 * time: either a later frame shows the gap, or an event-time timer fires once the watermark passes
 * the gap. Events describe the track's latest matched detection and hold no wall-clock time, so a
 * replay of the same frames emits the same events.
 */
final class TrackFunction extends KeyedProcessFunction<String, AnalysedFrame, FrameDetections> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrackFunction.class);

    private final TrackerConfig trackerConfig;
    private final long updateIntervalMicros;
    private final long maxLostMicros;

    private transient ValueState<TrackerState> trackerState;
    private transient ValueState<DroneTrackHistory> history;
    private transient ValueState<String> modelId;
    private transient AnalysisCounter tracksStarted;
    private transient AnalysisCounter trackUpdates;
    private transient AnalysisCounter tracksEnded;
    private transient AnalysisCounter framesNotTracked;
    private transient Counter evictedTracks;
    private transient Counter skippedNewTracks;
    private transient Counter skippedCameraWarps;
    private transient Counter untrackableDetections;
    private transient LogRateLimiter trackerLimitLog;
    private transient LogRateLimiter notTrackedLog;
    private transient LogRateLimiter untrackableLog;

    TrackFunction(AnalysisConfig config) {
        this.trackerConfig = config.trackerConfig();
        this.updateIntervalMicros = config.trackUpdateInterval().toNanos() / 1000;
        this.maxLostMicros = trackerConfig.maxLostTime().toNanos() / 1000;
    }

    @Override
    public void open(OpenContext openContext) {
        trackerState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("tracker-state", TrackerStateTypeSerializer.INSTANCE));
        history = getRuntimeContext().getState(
                new ValueStateDescriptor<>("track-history", DroneTrackHistorySerializer.INSTANCE));
        modelId = getRuntimeContext().getState(new ValueStateDescriptor<>("track-model-id", Types.STRING));
        tracksStarted = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.TRACKS_STARTED);
        trackUpdates = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.TRACK_UPDATES);
        tracksEnded = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.TRACKS_ENDED);
        framesNotTracked = AnalysisCounter.register(getRuntimeContext(), AnalysisCounters.FRAMES_NOT_TRACKED);
        evictedTracks = getRuntimeContext().getMetricGroup().counter("trackerEvictedTracks");
        skippedNewTracks = getRuntimeContext().getMetricGroup().counter("trackerSkippedNewTracks");
        skippedCameraWarps = getRuntimeContext().getMetricGroup().counter("trackerSkippedCameraWarps");
        untrackableDetections = getRuntimeContext().getMetricGroup().counter("untrackableDetections");
        trackerLimitLog = new LogRateLimiter();
        notTrackedLog = new LogRateLimiter();
        untrackableLog = new LogRateLimiter();
    }

    @Override
    public void processElement(AnalysedFrame frame, Context ctx, Collector<FrameDetections> out) throws Exception {
        // A copy, because the track IDs are set on the boxes and the input may be shared.
        FrameDetections detections = FrameDetections.newBuilder(frame.detections()).build();
        String droneId = ctx.getCurrentKey();
        long captureMicros = ChronoUnit.MICROS.between(Instant.EPOCH, detections.getCaptureTimeMicros());
        TrackerState state = currentTrackerState();
        DroneTrackHistory drone = currentHistory();
        OptionalLong last = state.lastCaptureTimeMicros();

        if (last.isPresent()) {
            if (!detections.getSessionId().equals(drone.sessionId)) {
                state = endAllTracks(ctx, state, drone, "session " + detections.getSessionId() + " started");
            } else if (captureMicros - last.getAsLong() > maxLostMicros) {
                state = endAllTracks(ctx, state, drone, "the drone sent no frame for "
                        + (captureMicros - last.getAsLong()) / 1000 + " ms of capture time");
            } else if (captureMicros < last.getAsLong()) {
                skipFrame(detections, last.getAsLong());
                out.collect(detections);
                return;
            }
        }
        drone.sessionId = detections.getSessionId();
        // Events of this frame, and ENDED events of a later silence, name the model of this frame.
        modelId.update(detections.getModelId());

        TrackerState next = track(ctx, detections, frame.cameraMotion(), captureMicros, state, drone);
        countTrackerLimits(droneId, state.counters(), next.counters());
        trackerState.update(next);
        history.update(drone);
        scheduleSilenceTimer(ctx.timerService(), last, captureMicros);
        out.collect(detections);
    }

    /**
     * Ends all tracks of a drone whose silence the watermark has confirmed.
     *
     * <p>NOTE: a frame that arrives after the watermark passed its drone's silence timer (late
     * data, or frames that an idle decoder drains late) starts new tracks, so a replay with other
     * watermark timing can differ there.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FrameDetections> out) throws Exception {
        TrackerState state = trackerState.value();
        if (state == null || state.lastCaptureTimeMicros().isEmpty()
                || timestamp != silenceTimerMillis(state.lastCaptureTimeMicros().getAsLong())) {
            // The timer of an earlier frame, superseded by a later one.
            return;
        }
        DroneTrackHistory drone = currentHistory();
        trackerState.update(endAllTracks(ctx, state, drone, "the watermark passed the max lost time "
                + trackerConfig.maxLostTime() + " after the drone's last frame"));
        history.update(drone);
    }

    /** Runs the tracker on the frame, sets track IDs on its detections and emits its events. */
    private TrackerState track(Context ctx, FrameDetections detections, Optional<Homography> cameraMotion,
            long captureMicros, TrackerState state, DroneTrackHistory drone) {
        TrackerInputs inputs = TrackerInputs.of(detections.getBoxes());
        if (inputs.skipped() > 0) {
            untrackableDetections.inc(inputs.skipped());
            long suppressed = untrackableLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {} session {}: {} detections of frame {} are not tracked, because their box is empty"
                        + " or not finite, or their score is outside [0, 1] ({} similar messages suppressed)",
                        detections.getDroneId(), detections.getSessionId(), inputs.skipped(),
                        detections.getFrameSequence(), suppressed);
            }
        }
        MultiObjectTracker tracker = Trackers.restore(trackerConfig, state);
        List<Track> tracks = tracker.update(captureMicros, inputs.detections(), cameraMotion);

        for (Track track : tracks) {
            long trackId = track.trackId();
            if (track.state() == TrackState.REMOVED) {
                TrackHistory ended = drone.tracks.remove(trackId);
                if (ended != null && ended.started) {
                    emit(ctx, drone, TrackEventType.ENDED, ended);
                }
                continue;
            }
            if (track.detectionIndex() == Track.NO_DETECTION) {
                continue;
            }
            DetectedBox box = detections.getBoxes().get(inputs.boxIndex(track.detectionIndex()));
            TrackHistory matched = drone.tracks.get(trackId);
            if (matched == null) {
                matched = TrackHistory.start(trackId, box, captureMicros, detections.getFrameSequence());
                drone.tracks.put(trackId, matched);
            } else {
                matched.matched(box, captureMicros, detections.getFrameSequence());
            }
            if (track.isConfirmed()) {
                box.setTrackId(trackId);
                emitStartedOrUpdated(ctx, drone, matched, captureMicros);
            }
        }
        return tracker.snapshot();
    }

    private void emitStartedOrUpdated(Context ctx, DroneTrackHistory drone, TrackHistory track, long captureMicros) {
        if (!track.started) {
            track.started = true;
            track.lastEventMicros = captureMicros;
            emit(ctx, drone, TrackEventType.STARTED, track);
        } else if (captureMicros - track.lastEventMicros >= updateIntervalMicros) {
            track.lastEventMicros = captureMicros;
            emit(ctx, drone, TrackEventType.UPDATED, track);
        }
    }

    /**
     * Emits ENDED for every confirmed track of the drone and returns the tracker state of a drone
     * without tracks, which keeps the next track ID so that IDs are never reused.
     */
    private TrackerState endAllTracks(KeyedProcessFunction<String, AnalysedFrame, FrameDetections>.Context ctx,
            TrackerState state, DroneTrackHistory drone, String reason) {
        int ended = 0;
        for (TrackHistory track : drone.tracks.values()) {
            if (track.started) {
                emit(ctx, drone, TrackEventType.ENDED, track);
                ended++;
            }
        }
        if (!drone.tracks.isEmpty()) {
            LOG.info("Drone {} session {}: ended all {} tracks ({} confirmed) because {}", ctx.getCurrentKey(),
                    drone.sessionId, drone.tracks.size(), ended, reason);
        }
        drone.tracks.clear();
        return new TrackerState(state.nextTrackId(), OptionalLong.empty(), state.counters(), List.of());
    }

    private void emit(KeyedProcessFunction<String, AnalysedFrame, FrameDetections>.Context ctx,
            DroneTrackHistory drone, TrackEventType type, TrackHistory track) {
        ctx.output(DroneAnalysis.TRACK_EVENTS,
                TrackEventRecords.toTrackEvent(ctx.getCurrentKey(), drone.sessionId, type, track, currentModelId()));
        switch (type) {
            case STARTED -> tracksStarted.inc();
            case UPDATED -> trackUpdates.inc();
            case ENDED -> tracksEnded.inc();
        }
    }

    /**
     * Moves the drone's silence timer to the max lost time after this frame. The timer is an event
     * time in milliseconds, strictly after the last capture time that still continues the tracks.
     */
    private void scheduleSilenceTimer(TimerService timers, OptionalLong previousCaptureMicros, long captureMicros) {
        if (previousCaptureMicros.isPresent()) {
            timers.deleteEventTimeTimer(silenceTimerMillis(previousCaptureMicros.getAsLong()));
        }
        timers.registerEventTimeTimer(silenceTimerMillis(captureMicros));
    }

    private long silenceTimerMillis(long lastCaptureMicros) {
        return Math.floorDiv(lastCaptureMicros + maxLostMicros, 1000) + 1;
    }

    private void skipFrame(FrameDetections detections, long lastCaptureMicros) {
        framesNotTracked.inc();
        long suppressed = notTrackedLog.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("Drone {} session {}: frame {} is not tracked, because its capture time precedes that of the"
                    + " previous tracked frame by {} us ({} similar messages suppressed)", detections.getDroneId(),
                    detections.getSessionId(), detections.getFrameSequence(),
                    lastCaptureMicros - ChronoUnit.MICROS.between(Instant.EPOCH, detections.getCaptureTimeMicros()),
                    suppressed);
        }
    }

    /** Counts what the tracker dropped in this update: evicted tracks, skipped new tracks and warps. */
    private void countTrackerLimits(String droneId, TrackerCounters before, TrackerCounters after) {
        long evicted = after.evictedTracks() - before.evictedTracks();
        long skipped = after.skippedNewTracks() - before.skippedNewTracks();
        long unwarped = after.skippedCameraWarps() - before.skippedCameraWarps();
        evictedTracks.inc(evicted);
        skippedNewTracks.inc(skipped);
        skippedCameraWarps.inc(unwarped);
        if (evicted + skipped > 0) {
            long suppressed = trackerLimitLog.tryAcquire();
            if (suppressed >= 0) {
                LOG.warn("Drone {}: the tracker reached its max of {} tracks, evicting {} and skipping {} new tracks"
                        + " ({} similar messages suppressed)", droneId, trackerConfig.maxTracks(), evicted, skipped,
                        suppressed);
            }
        }
    }

    /** Returns the model of the drone's latest tracked frame, or null before its first frame. */
    private String currentModelId() {
        try {
            return modelId.value();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the model ID of the drone's latest tracked frame", e);
        }
    }

    private TrackerState currentTrackerState() throws Exception {
        TrackerState state = trackerState.value();
        return state != null ? state : TrackerState.initial();
    }

    private DroneTrackHistory currentHistory() throws Exception {
        DroneTrackHistory drone = history.value();
        return drone != null ? drone : new DroneTrackHistory();
    }
}
