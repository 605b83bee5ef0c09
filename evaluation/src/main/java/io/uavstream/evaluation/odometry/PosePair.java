package io.uavstream.evaluation.odometry;

/** A ground-truth pose and the estimated pose associated with it by timestamp. */
public record PosePair(Pose groundTruth, Pose estimate) {
}
