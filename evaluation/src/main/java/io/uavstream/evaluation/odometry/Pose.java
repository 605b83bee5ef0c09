package io.uavstream.evaluation.odometry;

import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.Objects;

/**
 * Camera or body pose at one time, as a line of a TUM trajectory file: the position of the
 * body's origin in the world frame and the rotation from body to world.
 *
 * @param timestamp time in seconds
 * @param position position in the world frame, in metres for ground truth (an estimate of
 *     unknown scale uses its own unit)
 * @param orientation rotation from the body frame to the world frame
 */
public record Pose(double timestamp, Vector3 position, Quaternion orientation) {

    public Pose {
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp must be finite, got " + timestamp);
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(orientation, "orientation");
    }
}
