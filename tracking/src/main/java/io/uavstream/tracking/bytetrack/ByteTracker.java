package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerCounters;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.kalman.BoxKalmanFilter;
import io.uavstream.tracking.kalman.CameraMotionWarp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ByteTrack-style tracker (Zhang et al., "ByteTrack: Multi-Object Tracking by Associating Every
 * Detection Box", ECCV 2022) with BoT-SORT's camera-motion compensation, timed in capture time.
 *
 * <p>Each update runs these steps:
 *
 * <ol>
 *   <li>Predict every track by the real time step since the previous update. LOST tracks first
 *       drop their width and height rates, as ByteTrack does for the height rate, so a long gap
 *       does not shrink or grow the box without bound.
 *   <li>With camera-motion compensation on and a homography given, warp every prediction into
 *       the current frame's pixel coordinates.
 *   <li>Match high-score detections to CONFIRMED and LOST tracks ({@code matchIou}).
 *   <li>Match low-score detections to the still unmatched tracks that were CONFIRMED
 *       ({@code lowScoreMatchIou}). Those left unmatched become LOST.
 *   <li>Match the remaining high-score detections to TENTATIVE tracks ({@code tentativeMatchIou}).
 *       A matched one is CONFIRMED once it is {@code confirmTime} old; an unmatched one is removed.
 *   <li>Remove LOST tracks not matched for more than {@code maxLostTime}.
 *   <li>Start tracks from the remaining high-score detections of at least {@code newTrackScore},
 *       highest score first. A full tracker evicts its longest-lost LOST track to make room, or
 *       skips the detection when it has none.
 * </ol>
 *
 * <p>NOTE: ByteTrack's removal of duplicate tracks (a LOST and a CONFIRMED track whose boxes
 * overlap with an IoU above 0.85) is not implemented.
 */
public final class ByteTracker implements MultiObjectTracker {

    private final TrackerConfig config;
    private final long confirmTimeMicros;
    private final long maxLostTimeMicros;
    private final BoxKalmanFilter filter;
    private final CameraMotionWarp cameraMotionWarp = new CameraMotionWarp();
    private final IouMatcher matcher;
    private final TrackTable tracks;

    private OptionalLong lastCaptureTimeMicros;
    private long skippedCameraWarps;

    /** Creates a tracker that continues from {@code state}; see {@link io.uavstream.tracking.Trackers#restore}. */
    public ByteTracker(TrackerConfig config, TrackerState state) {
        this.config = config;
        this.confirmTimeMicros = config.confirmTime().toNanos() / 1_000;
        this.maxLostTimeMicros = config.maxLostTime().toNanos() / 1_000;
        this.filter = new BoxKalmanFilter(config.kalmanNoise());
        this.matcher = new IouMatcher(config.perClassMatching(), config.matchMarginPixels());
        this.tracks = new TrackTable(config.maxTracks(), state);
        this.lastCaptureTimeMicros = state.lastCaptureTimeMicros();
        this.skippedCameraWarps = state.counters().skippedCameraWarps();
    }

    @Override
    public List<Track> update(
            long captureTimeMicros, List<TrackerDetection> detections, Optional<Homography> cameraMotion) {
        validate(captureTimeMicros, detections, cameraMotion);
        double dtSeconds = lastCaptureTimeMicros.isPresent()
                ? Math.subtractExact(captureTimeMicros, lastCaptureTimeMicros.getAsLong()) / 1e6
                : 0;
        lastCaptureTimeMicros = OptionalLong.of(captureTimeMicros);
        predict(dtSeconds);
        if (config.cameraMotionCompensation() && cameraMotion.isPresent()) {
            compensateCameraMotion(cameraMotion.get());
        }

        List<Track> removed = new ArrayList<>();
        boolean[] used = new boolean[detections.size()];
        int[] high = selectByScore(detections, config.highScore(), Double.POSITIVE_INFINITY);
        int[] low = selectByScore(detections, config.lowScore(), config.highScore());

        List<KalmanTrack> unmatched = matchHighScore(captureTimeMicros, detections, high, used);
        matchLowScore(captureTimeMicros, detections, low, used, unmatched);
        matchTentative(captureTimeMicros, detections, high, used, removed);
        tracks.removeExpired(captureTimeMicros, maxLostTimeMicros, removed);
        startTracks(captureTimeMicros, detections, high, used, removed);
        return report(captureTimeMicros, removed);
    }

    @Override
    public TrackerState snapshot() {
        TrackerCounters counters =
                new TrackerCounters(tracks.evictedTracks(), tracks.skippedNewTracks(), skippedCameraWarps);
        return new TrackerState(tracks.nextTrackId(), lastCaptureTimeMicros, counters, tracks.snapshots());
    }

    private void validate(long captureTimeMicros, List<TrackerDetection> detections, Optional<Homography> cameraMotion) {
        if (detections == null || cameraMotion == null) {
            throw new IllegalArgumentException("Detections and camera motion must not be null; pass an empty list or "
                    + "Optional.empty() instead");
        }
        for (int i = 0; i < detections.size(); i++) {
            if (detections.get(i) == null) {
                throw new IllegalArgumentException("Detection " + i + " must not be null");
            }
        }
        if (lastCaptureTimeMicros.isPresent() && captureTimeMicros < lastCaptureTimeMicros.getAsLong()) {
            throw new IllegalArgumentException("Capture time " + captureTimeMicros + " us is before the previous "
                    + "update's " + lastCaptureTimeMicros.getAsLong() + " us; frames must arrive in capture-time order");
        }
    }

    private void predict(double dtSeconds) {
        for (KalmanTrack track : tracks) {
            track.detectionIndex = Track.NO_DETECTION;
            if (track.state == TrackState.LOST) {
                track.mean[6] = 0;
                track.mean[7] = 0;
            }
            filter.predict(track.mean, track.covariance, dtSeconds);
        }
    }

    private void compensateCameraMotion(Homography homography) {
        for (KalmanTrack track : tracks) {
            if (!cameraMotionWarp.warp(homography, track.mean, track.covariance)) {
                skippedCameraWarps++;
            }
        }
    }

    /** Returns the indexes of detections scoring at least {@code min} and below {@code max}. */
    private static int[] selectByScore(List<TrackerDetection> detections, double min, double max) {
        int[] selected = new int[detections.size()];
        int count = 0;
        for (int i = 0; i < detections.size(); i++) {
            double score = detections.get(i).score();
            if (score >= min && score < max) {
                selected[count++] = i;
            }
        }
        return Arrays.copyOf(selected, count);
    }

    /** Runs the first stage and returns the CONFIRMED and LOST tracks it left unmatched. */
    private List<KalmanTrack> matchHighScore(
            long captureTimeMicros, List<TrackerDetection> detections, int[] high, boolean[] used) {
        List<KalmanTrack> pool = tracks.inState(TrackState.CONFIRMED, TrackState.LOST);
        int[] matches = matcher.match(pool, detections, high, config.matchIou());
        return applyMatches(pool, matches, captureTimeMicros, detections, used);
    }

    /** Runs the second stage on the tracks that were CONFIRMED, and marks the rest of them LOST. */
    private void matchLowScore(long captureTimeMicros, List<TrackerDetection> detections, int[] low, boolean[] used,
            List<KalmanTrack> unmatched) {
        List<KalmanTrack> pool = new ArrayList<>();
        for (KalmanTrack track : unmatched) {
            if (track.state == TrackState.CONFIRMED) {
                pool.add(track);
            }
        }
        int[] matches = matcher.match(pool, detections, low, config.lowScoreMatchIou());
        for (KalmanTrack track : applyMatches(pool, matches, captureTimeMicros, detections, used)) {
            track.state = TrackState.LOST;
        }
    }

    /** Runs the third stage: confirms old enough matched tentative tracks and removes unmatched ones. */
    private void matchTentative(long captureTimeMicros, List<TrackerDetection> detections, int[] high, boolean[] used,
            List<Track> removed) {
        List<KalmanTrack> pool = tracks.inState(TrackState.TENTATIVE);
        int[] matches = matcher.match(pool, detections, unused(high, used), config.tentativeMatchIou());
        List<KalmanTrack> unmatched = applyMatches(pool, matches, captureTimeMicros, detections, used);
        for (KalmanTrack track : pool) {
            if (track.detectionIndex != Track.NO_DETECTION
                    && captureTimeMicros - track.firstSeenMicros >= confirmTimeMicros) {
                track.state = TrackState.CONFIRMED;
            }
        }
        for (KalmanTrack track : unmatched) {
            tracks.remove(track, captureTimeMicros, removed);
        }
    }

    /**
     * Updates each matched track with its detection, marks a matched LOST track CONFIRMED, and
     * returns the tracks left unmatched.
     */
    private List<KalmanTrack> applyMatches(List<KalmanTrack> pool, int[] detectionByTrack, long captureTimeMicros,
            List<TrackerDetection> detections, boolean[] used) {
        List<KalmanTrack> unmatched = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            KalmanTrack track = pool.get(i);
            int index = detectionByTrack[i];
            if (index == Track.NO_DETECTION) {
                unmatched.add(track);
                continue;
            }
            used[index] = true;
            track.match(detections.get(index), index, captureTimeMicros, !config.perClassMatching(), filter);
            if (track.state == TrackState.LOST) {
                track.state = TrackState.CONFIRMED;
            }
        }
        return unmatched;
    }

    /** Starts tracks from the unused high-score detections of at least newTrackScore, highest score first. */
    private void startTracks(long captureTimeMicros, List<TrackerDetection> detections, int[] high, boolean[] used,
            List<Track> removed) {
        List<Integer> starts = new ArrayList<>();
        for (int index : unused(high, used)) {
            if (detections.get(index).score() >= config.newTrackScore()) {
                starts.add(index);
            }
        }
        starts.sort(Comparator.<Integer>comparingDouble(index -> -detections.get(index).score())
                .thenComparingInt(index -> index));
        TrackState initialState = confirmTimeMicros == 0 ? TrackState.CONFIRMED : TrackState.TENTATIVE;
        for (int index : starts) {
            if (!tracks.makeRoom(captureTimeMicros, removed)) {
                continue;
            }
            used[index] = true;
            tracks.add(KalmanTrack.start(
                    tracks.takeTrackId(), initialState, detections.get(index), index, captureTimeMicros, filter));
        }
    }

    private static int[] unused(int[] indexes, boolean[] used) {
        int[] result = new int[indexes.length];
        int count = 0;
        for (int index : indexes) {
            if (!used[index]) {
                result[count++] = index;
            }
        }
        return Arrays.copyOf(result, count);
    }

    private List<Track> report(long captureTimeMicros, List<Track> removed) {
        List<Track> report = new ArrayList<>(tracks.size() + removed.size());
        for (KalmanTrack track : tracks) {
            report.add(track.toTrack(track.state, captureTimeMicros));
        }
        report.addAll(removed);
        report.sort(Comparator.comparingLong(Track::trackId));
        return report;
    }
}
