package io.uavstream.tracking;

import java.util.Arrays;

/**
 * Immutable copy of one live track inside {@link TrackerState}, with its Kalman state. The
 * arrays are copied on the way in and on the way out.
 *
 * @param trackId track ID, at least 1
 * @param classId class ID of the track, non-negative
 * @param state TENTATIVE, CONFIRMED or LOST, never REMOVED
 * @param score confidence of the latest matched detection, in [0, 1]
 * @param firstSeenMicros capture time of the first detection, in microseconds
 * @param lastMatchedMicros capture time of the latest matched detection, in microseconds
 * @param hits number of matched detections, at least 1
 * @param mean Kalman mean, 8 entries: centre x, centre y, width, height in pixels and their
 *     rates in pixels per second
 * @param covariance Kalman covariance, 64 entries row-major, exactly symmetric
 */
public record TrackSnapshot(
        long trackId,
        int classId,
        TrackState state,
        double score,
        long firstSeenMicros,
        long lastMatchedMicros,
        int hits,
        double[] mean,
        double[] covariance) {

    public static final int MEAN_SIZE = 8;
    public static final int COVARIANCE_SIZE = MEAN_SIZE * MEAN_SIZE;

    public TrackSnapshot {
        if (trackId < 1) {
            throw new IllegalArgumentException("Track ID must be at least 1, got " + trackId);
        }
        if (classId < 0) {
            throw new IllegalArgumentException("Track " + trackId + " class ID must be non-negative, got " + classId);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("Track " + trackId + " score must be in [0, 1], got " + score);
        }
        if (state == null || state == TrackState.REMOVED) {
            throw new IllegalArgumentException("Track " + trackId + " must be TENTATIVE, CONFIRMED or LOST, got " + state);
        }
        if (lastMatchedMicros < firstSeenMicros) {
            throw new IllegalArgumentException("Track " + trackId + " was last matched at " + lastMatchedMicros
                    + " us, before its first detection at " + firstSeenMicros + " us");
        }
        if (hits < 1) {
            throw new IllegalArgumentException("Track " + trackId + " must have at least 1 hit, got " + hits);
        }
        mean = copyFinite("mean", trackId, mean, MEAN_SIZE);
        covariance = copyFinite("covariance", trackId, covariance, COVARIANCE_SIZE);
        requireSymmetric(trackId, covariance);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackSnapshot that
                && trackId == that.trackId
                && classId == that.classId
                && state == that.state
                && Double.compare(score, that.score) == 0
                && firstSeenMicros == that.firstSeenMicros
                && lastMatchedMicros == that.lastMatchedMicros
                && hits == that.hits
                && Arrays.equals(mean, that.mean)
                && Arrays.equals(covariance, that.covariance);
    }

    @Override
    public int hashCode() {
        int result = Long.hashCode(trackId);
        result = 31 * result + classId;
        result = 31 * result + state.hashCode();
        result = 31 * result + Double.hashCode(score);
        result = 31 * result + Long.hashCode(firstSeenMicros);
        result = 31 * result + Long.hashCode(lastMatchedMicros);
        result = 31 * result + hits;
        result = 31 * result + Arrays.hashCode(mean);
        return 31 * result + Arrays.hashCode(covariance);
    }

    @Override
    public String toString() {
        return "TrackSnapshot{trackId=" + trackId + ", classId=" + classId + ", state=" + state + ", score=" + score
                + ", firstSeenMicros=" + firstSeenMicros + ", lastMatchedMicros=" + lastMatchedMicros
                + ", hits=" + hits + ", mean=" + Arrays.toString(mean) + "}";
    }

    private static double[] copyFinite(String name, long trackId, double[] values, int size) {
        if (values == null || values.length != size) {
            throw new IllegalArgumentException("Track " + trackId + " " + name + " must have " + size + " entries, got "
                    + (values == null ? "null" : values.length));
        }
        double[] copy = values.clone();
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new IllegalArgumentException(
                        "Track " + trackId + " " + name + " entry " + i + " must be finite, got " + copy[i]);
            }
        }
        return copy;
    }

    private static void requireSymmetric(long trackId, double[] covariance) {
        for (int row = 1; row < MEAN_SIZE; row++) {
            for (int column = 0; column < row; column++) {
                if (covariance[row * MEAN_SIZE + column] != covariance[column * MEAN_SIZE + row]) {
                    throw new IllegalArgumentException("Track " + trackId + " covariance must be symmetric, but entry ("
                            + row + ", " + column + ") differs from (" + column + ", " + row + ")");
                }
            }
        }
    }
}
