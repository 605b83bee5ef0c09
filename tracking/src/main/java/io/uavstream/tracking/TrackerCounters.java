package io.uavstream.tracking;

/**
 * Running totals of events where a tracker dropped work, kept in {@link TrackerState} so that
 * they survive restarts. The Flink operator publishes them as metrics with the drone ID.
 *
 * @param evictedTracks tracks removed early to keep the tracker within max tracks: LOST tracks
 *     when a new track needs room, and any track when a restored state exceeds a lowered limit
 * @param skippedNewTracks detections that would have started a track but found the tracker full
 *     with no LOST track to evict
 * @param skippedCameraWarps track predictions left unwarped because the camera-motion
 *     homography could not map them (they lay beyond its horizon line)
 */
public record TrackerCounters(long evictedTracks, long skippedNewTracks, long skippedCameraWarps) {

    public static final TrackerCounters ZERO = new TrackerCounters(0, 0, 0);

    public TrackerCounters {
        if (evictedTracks < 0 || skippedNewTracks < 0 || skippedCameraWarps < 0) {
            throw new IllegalArgumentException("Tracker counters must be non-negative, got " + evictedTracks
                    + ", " + skippedNewTracks + ", " + skippedCameraWarps);
        }
    }

    public TrackerCounters plus(TrackerCounters other) {
        return new TrackerCounters(evictedTracks + other.evictedTracks,
                skippedNewTracks + other.skippedNewTracks, skippedCameraWarps + other.skippedCameraWarps);
    }
}
