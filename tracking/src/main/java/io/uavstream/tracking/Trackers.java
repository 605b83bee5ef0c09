package io.uavstream.tracking;

import io.uavstream.tracking.bytetrack.ByteTracker;

/** Factory of {@link MultiObjectTracker}s for a {@link TrackerConfig}. */
public final class Trackers {

    private Trackers() {
    }

    /** Creates a tracker with no tracks, which will give its first track the ID 1. */
    public static MultiObjectTracker create(TrackerConfig config) {
        return restore(config, TrackerState.initial());
    }

    /**
     * Creates a tracker that continues from a snapshot. If the snapshot contains more tracks than the
     * config's max tracks, which happens after the limit was lowered, the tracker evicts the
     * excess at once: LOST tracks first, then tentative, then confirmed, each oldest first.
     */
    public static MultiObjectTracker restore(TrackerConfig config, TrackerState state) {
        if (config == null || state == null) {
            throw new IllegalArgumentException("Tracker config and state must not be null");
        }
        return switch (config.algorithm()) {
            case BYTE_TRACK -> new ByteTracker(config, state);
        };
    }
}
