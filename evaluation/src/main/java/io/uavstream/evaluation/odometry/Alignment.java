package io.uavstream.evaluation.odometry;

/** Transform applied to the estimated trajectory to align it with the ground truth before the ATE. */
public enum Alignment {
    /** No alignment: both trajectories are already in the same world frame and unit. */
    NONE,
    /** Rotation and translation (SE(3)), for estimates with metric scale (stereo, RGB-D, VIO). */
    SE3,
    /** Rotation, translation and scale (Sim(3)), for estimates of unknown scale (monocular). */
    SIM3
}
