package io.uavstream.odometry;

/**
 * Per-camera visual odometry: one instance follows one camera through its frames in capture
 * order. Instances are not thread-safe. The whole tracking state can be taken out as an
 * {@link OdometrySnapshot} and put back, so that a Flink operator can keep it in keyed state.
 */
public interface VisualOdometry {

    /**
     * Estimates the camera pose of the next frame.
     *
     * @param captureTimeMicros capture time in microseconds; must not decrease between calls
     * @param frame the decoded frame in grey, of the camera model's size
     * @param telemetry the frame's telemetry, {@link Telemetry#NONE} when there is none
     */
    PoseEstimate process(long captureTimeMicros, GreyImage frame, Telemetry telemetry);

    /** Returns a copy of the tracking state. */
    OdometrySnapshot snapshot();

    /** Replaces the tracking state with a copy of {@code snapshot}. */
    void restore(OdometrySnapshot snapshot);
}
