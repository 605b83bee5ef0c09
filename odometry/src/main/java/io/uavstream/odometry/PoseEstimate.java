package io.uavstream.odometry;

import io.uavstream.analytics.geo.CameraPose;
import io.uavstream.analytics.geo.Vector3;

/**
 * The odometry's output for one frame.
 *
 * @param captureTimeMicros capture time of the frame in microseconds, as passed in
 * @param status OK, LOST (the pose repeats the last valid one) or REINITIALISING (provisional)
 * @param motionModel the two-view model chosen for this frame
 * @param scaleSource ALTITUDE when positions are metres from telemetry heights, NONE when they
 *     are in units of the camera height at initialisation
 * @param georeferenced whether the world frame is the ENU frame of the telemetry, because the
 *     odometry started from a telemetry attitude and GPS position
 * @param pose camera-to-world rotation (OpenCV camera axes) and camera centre; world z is up from
 *     the ground plane
 * @param inliers feature matches that agreed with the motion model
 * @param trackedFeatures features tracked into this frame
 * @param frameToFrameHomography row-major 3x3 homography from pixels of the previous frame to
 *     pixels of this one (decoded frame, OpenCV pixel centres on integers, lens distortion not
 *     removed), or null when it could not be fitted
 * @param gapMicros capture time since the last OK frame, set on frames after a loss; 0 otherwise
 * @param keyframe whether this frame became a keyframe
 * @param gpsRejected whether the GPS fix of this frame was rejected as a jump
 */
public record PoseEstimate(long captureTimeMicros, OdometryStatus status, MotionModel motionModel,
        ScaleSource scaleSource, boolean georeferenced, CameraPose pose, int inliers, int trackedFeatures,
        double[] frameToFrameHomography, long gapMicros, boolean keyframe, boolean gpsRejected) {

    /** Returns the rotation as a unit quaternion (w, x, y, z) with w >= 0. */
    public double[] quaternion() {
        return Rotations.toQuaternion(pose.rotationRowMajor());
    }

    /** Returns the camera centre in world units. */
    public Vector3 position() {
        return pose.position();
    }
}
