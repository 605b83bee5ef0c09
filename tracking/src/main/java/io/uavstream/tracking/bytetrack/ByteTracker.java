package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackSnapshot;
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
 */
public final class ByteTracker implements MultiObjectTracker {

    private static final Comparator<KalmanTrack> OLDEST_MATCH_FIRST =
            Comparator.<KalmanTrack>comparingLong(track -> track.lastMatchedMicros).thenComparingLong(track -> track.trackId);

    private final TrackerConfig config;
    private final long confirmTimeMicros;
    private final long maxLostTimeMicros;
    private final BoxKalmanFilter filter;
    private final CameraMotionWarp cameraMotionWarp = new CameraMotionWarp();
    private final IouMatcher matcher;
    /** Live tracks in ascending ID order: new tracks get the highest ID and are appended. */
    private final List<KalmanTrack> tracks = new ArrayList<>();

    private long nextTrackId;
    private OptionalLong lastCaptureTimeMicros;
    private long evictedTracks;
    private long skippedNewTracks;
    private long skippedCameraWarps;

    /** Creates a tracker that continues from {@code state}; see {@link io.uavstream.tracking.Trackers#restore}. */
    public ByteTracker(TrackerConfig config, TrackerState state) {
        this.config = config;
        this.confirmTimeMicros = config.confirmTime().toNanos() / 1_000;
        this.maxLostTimeMicros = config.maxLostTime().toNanos() / 1_000;
        this.filter = new BoxKalmanFilter(config.kalmanNoise());
        this.matcher = new IouMatcher(config.perClassMatching());
        this.nextTrackId = state.nextTrackId();
        this.lastCaptureTimeMicros = state.lastCaptureTimeMicros();
        this.evictedTracks = state.counters().evictedTracks();
        this.skippedNewTracks = state.counters().skippedNewTracks();
        this.skippedCameraWarps = state.counters().skippedCameraWarps();
        for (TrackSnapshot snapshot : state.tracks()) {
            tracks.add(KalmanTrack.restore(snapshot));
        }
        evictBeyondLimit();
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
        removeExpired(captureTimeMicros, removed);
        startTracks(captureTimeMicros, detections, high, used, removed);
        return report(captureTimeMicros, removed);
    }

    @Override
    public TrackerState snapshot() {
        List<TrackSnapshot> snapshots = new ArrayList<>(tracks.size());
        for (KalmanTrack track : tracks) {
            snapshots.add(track.toSnapshot());
        }
        TrackerCounters counters = new TrackerCounters(evictedTracks, skippedNewTracks, skippedCameraWarps);
        return new TrackerState(nextTrackId, lastCaptureTimeMicros, counters, snapshots);
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
        List<KalmanTrack> pool = new ArrayList<>();
        for (KalmanTrack track : tracks) {
            if (track.state == TrackState.CONFIRMED || track.state == TrackState.LOST) {
                pool.add(track);
            }
        }
        return applyMatches(pool, matcher.match(pool, detections, high, config.matchIou()),
                captureTimeMicros, detections, used);
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
        List<KalmanTrack> stillUnmatched = applyMatches(pool,
                matcher.match(pool, detections, low, config.lowScoreMatchIou()), captureTimeMicros, detections, used);
        for (KalmanTrack track : stillUnmatched) {
            track.state = TrackState.LOST;
        }
    }

    /** Runs the third stage: confirms old enough matched tentative tracks and removes unmatched ones. */
    private void matchTentative(long captureTimeMicros, List<TrackerDetection> detections, int[] high, boolean[] used,
            List<Track> removed) {
        List<KalmanTrack> pool = new ArrayList<>();
        for (KalmanTrack track : tracks) {
            if (track.state == TrackState.TENTATIVE) {
                pool.add(track);
            }
        }
        int[] remaining = unused(high, used);
        List<KalmanTrack> unmatched = applyMatches(pool,
                matcher.match(pool, detections, remaining, config.tentativeMatchIou()), captureTimeMicros, detections,
                used);
        for (KalmanTrack track : pool) {
            if (track.detectionIndex != Track.NO_DETECTION
                    && captureTimeMicros - track.firstSeenMicros >= confirmTimeMicros) {
                track.state = TrackState.CONFIRMED;
            }
        }
        for (KalmanTrack track : unmatched) {
            remove(track, captureTimeMicros, removed);
        }
    }

    /**
     * Updates each matched track with its detection, marks it CONFIRMED unless it is tentative,
     * and returns the tracks left unmatched.
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

    private void removeExpired(long captureTimeMicros, List<Track> removed) {
        for (KalmanTrack track : new ArrayList<>(tracks)) {
            if (track.state == TrackState.LOST && captureTimeMicros - track.lastMatchedMicros > maxLostTimeMicros) {
                remove(track, captureTimeMicros, removed);
            }
        }
    }

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
            if (tracks.size() >= config.maxTracks() && !evictLongestLost(captureTimeMicros, removed)) {
                skippedNewTracks++;
                continue;
            }
            used[index] = true;
            tracks.add(KalmanTrack.start(
                    nextTrackId++, initialState, detections.get(index), index, captureTimeMicros, filter));
        }
    }

    /** Evicts the LOST track matched longest ago, or returns {@code false} when there is none. */
    private boolean evictLongestLost(long captureTimeMicros, List<Track> removed) {
        KalmanTrack victim = null;
        for (KalmanTrack track : tracks) {
            if (track.state == TrackState.LOST && (victim == null || OLDEST_MATCH_FIRST.compare(track, victim) < 0)) {
                victim = track;
            }
        }
        if (victim == null) {
            return false;
        }
        remove(victim, captureTimeMicros, removed);
        evictedTracks++;
        return true;
    }

    /** Evicts tracks of a restored state beyond max tracks: LOST, then TENTATIVE, then CONFIRMED, oldest first. */
    private void evictBeyondLimit() {
        int excess = tracks.size() - config.maxTracks();
        if (excess <= 0) {
            return;
        }
        List<KalmanTrack> order = new ArrayList<>(tracks);
        order.sort(Comparator.<KalmanTrack>comparingInt(track -> evictionRank(track.state)).thenComparing(OLDEST_MATCH_FIRST));
        for (int i = 0; i < excess; i++) {
            tracks.remove(order.get(i));
        }
        evictedTracks += excess;
    }

    private static int evictionRank(TrackState state) {
        return switch (state) {
            case LOST -> 0;
            case TENTATIVE -> 1;
            default -> 2;
        };
    }

    private void remove(KalmanTrack track, long captureTimeMicros, List<Track> removed) {
        tracks.remove(track);
        removed.add(track.toTrack(TrackState.REMOVED, captureTimeMicros));
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
