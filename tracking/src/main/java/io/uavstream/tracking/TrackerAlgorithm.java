package io.uavstream.tracking;

/** Tracking algorithms that {@link Trackers} can build. */
public enum TrackerAlgorithm {
    /**
     * ByteTrack-style association: a Kalman filter per track, IoU matching of high-score
     * detections first and of low-score detections second, and optional camera-motion
     * compensation as in BoT-SORT.
     */
    BYTE_TRACK
}
