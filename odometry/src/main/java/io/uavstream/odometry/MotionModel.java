package io.uavstream.odometry;

/** Two-view motion model that the odometry chose for a frame; the names are written to {@code FramePose.motionModel}. */
public enum MotionModel {
    /** Plane-induced homography of the ground, decomposed with the known camera height. */
    HOMOGRAPHY,
    /** Essential matrix of a general scene, with the translation scaled by the known depths of the keyframe. */
    ESSENTIAL,
    /** No model was fitted, because tracking failed or the odometry is still initialising. */
    NONE
}
