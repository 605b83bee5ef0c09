package io.uavstream.evaluation.odometry;

/** How the estimated trajectory is aligned to the ground truth before the ATE is measured. */
public enum Alignment {
    /** No alignment: both trajectories are already in the same world frame and unit. */
    NONE,
    /** Rotation and translation (SE(3)), for estimates with metric scale (stereo, RGB-D, VIO). */
    SE3,
    /** Rotation, translation and scale (Sim(3)), for estimates of unknown scale (monocular). */
    SIM3
}
