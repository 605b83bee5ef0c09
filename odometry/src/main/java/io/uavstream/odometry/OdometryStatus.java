package io.uavstream.odometry;

/** Tracking state of the odometry for one frame; the names match the {@code PoseStatus} Avro enum. */
public enum OdometryStatus {
    /** The pose was estimated from this frame. */
    OK,
    /** Tracking failed on this frame; the pose repeats the last valid one. */
    LOST,
    /** A new keyframe is being built, after the start or after a loss; the pose is provisional. */
    REINITIALISING
}
