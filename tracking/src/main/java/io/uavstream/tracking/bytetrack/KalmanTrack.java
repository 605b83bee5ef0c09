package io.uavstream.tracking.bytetrack;

import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackSnapshot;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.kalman.BoxKalmanFilter;

/** Mutable state of one live track inside {@link ByteTracker}, with its Kalman mean and covariance. */
final class KalmanTrack {

    final long trackId;
    final long firstSeenMicros;
    final double[] mean;
    final double[] covariance;
    int classId;
    TrackState state;
    double score;
    long lastMatchedMicros;
    int hits;
    /** Index of the detection matched in the current update, or {@link Track#NO_DETECTION}. */
    int detectionIndex = Track.NO_DETECTION;

    private KalmanTrack(long trackId, int classId, TrackState state, double score, long firstSeenMicros,
            long lastMatchedMicros, int hits, double[] mean, double[] covariance) {
        this.trackId = trackId;
        this.classId = classId;
        this.state = state;
        this.score = score;
        this.firstSeenMicros = firstSeenMicros;
        this.lastMatchedMicros = lastMatchedMicros;
        this.hits = hits;
        this.mean = mean;
        this.covariance = covariance;
    }

    /** Starts a track at a detection, with the Kalman state at rest on the detection box. */
    static KalmanTrack start(long trackId, TrackState state, TrackerDetection detection, int detectionIndex,
            long captureTimeMicros, BoxKalmanFilter filter) {
        double[] mean = new double[BoxKalmanFilter.STATE_SIZE];
        double[] covariance = new double[BoxKalmanFilter.COVARIANCE_SIZE];
        filter.initiate(detection.box(), mean, covariance);
        KalmanTrack track = new KalmanTrack(trackId, detection.classId(), state, detection.score(),
                captureTimeMicros, captureTimeMicros, 1, mean, covariance);
        track.detectionIndex = detectionIndex;
        return track;
    }

    static KalmanTrack restore(TrackSnapshot snapshot) {
        return new KalmanTrack(snapshot.trackId(), snapshot.classId(), snapshot.state(), snapshot.score(),
                snapshot.firstSeenMicros(), snapshot.lastMatchedMicros(), snapshot.hits(), snapshot.mean(),
                snapshot.covariance());
    }

    /** Corrects the track with its matched detection and records the hit. */
    void match(TrackerDetection detection, int index, long captureTimeMicros, boolean adoptClass,
            BoxKalmanFilter filter) {
        filter.update(mean, covariance, detection.box());
        // NOTE: with class-agnostic matching the class follows the latest detection, so it flickers
        // when the detector alternates between two classes. A class vote would fix that but needs more state.
        if (adoptClass) {
            classId = detection.classId();
        }
        score = detection.score();
        lastMatchedMicros = captureTimeMicros;
        hits++;
        detectionIndex = index;
    }

    Box box() {
        return BoxKalmanFilter.box(mean);
    }

    Track toTrack(TrackState reportedState, long captureTimeMicros) {
        double ageSeconds = (captureTimeMicros - firstSeenMicros) / 1e6;
        return new Track(trackId, classId, box(), score, reportedState, ageSeconds, hits, detectionIndex);
    }

    TrackSnapshot toSnapshot() {
        return new TrackSnapshot(
                trackId, classId, state, score, firstSeenMicros, lastMatchedMicros, hits, mean, covariance);
    }
}
