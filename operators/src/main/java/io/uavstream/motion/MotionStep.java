package io.uavstream.motion;

import java.util.Objects;

/**
 * One step of {@link CameraMotionEstimator#step}: the motion from the previous frame to the
 * current one, and the current frame's features, which the next step starts from.
 *
 * @param estimate the frame-to-frame motion, or the reason it failed
 * @param features the current frame's grey copy and corners
 * @param cornersReused whether the corners are the ones tracked from the previous frame, rather
 *     than newly detected
 */
public record MotionStep(MotionEstimate estimate, FrameFeatures features, boolean cornersReused) {

    public MotionStep {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(features, "features");
    }
}
