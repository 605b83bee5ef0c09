package io.uavstream.motion;

import io.uavstream.tracking.geometry.Homography;
import java.util.Optional;

/**
 * Result of one frame-to-frame motion estimate: the homography, or the reason there is none.
 *
 * @param homography maps pixels of the previous decoded frame to those of the current one, or
 *     null when the estimate failed
 * @param trackedCorners corners of the previous frame that the optical flow found again
 * @param inliers tracked corners that agree with the homography within the RANSAC threshold
 * @param failure why there is no homography, or null when there is one
 */
public record MotionEstimate(Homography homography, int trackedCorners, int inliers, String failure) {

    public MotionEstimate {
        if ((homography == null) == (failure == null)) {
            throw new IllegalArgumentException("A motion estimate has either a homography or a failure, not both");
        }
    }

    static MotionEstimate of(Homography homography, int trackedCorners, int inliers) {
        return new MotionEstimate(homography, trackedCorners, inliers, null);
    }

    static MotionEstimate failed(String failure, int trackedCorners, int inliers) {
        return new MotionEstimate(null, trackedCorners, inliers, failure);
    }

    /** Returns the homography, empty when the estimate failed. */
    public Optional<Homography> toOptional() {
        return Optional.ofNullable(homography);
    }

    public boolean succeeded() {
        return homography != null;
    }

    /** Returns the share of tracked corners that are inliers, 0 when none was tracked. */
    public double inlierRatio() {
        return trackedCorners == 0 ? 0 : (double) inliers / trackedCorners;
    }
}
