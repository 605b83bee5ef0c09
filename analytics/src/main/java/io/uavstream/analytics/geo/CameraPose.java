package io.uavstream.analytics.geo;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Camera pose in a local east-north-up frame: the rotation that maps camera axes to world axes
 * and the camera centre in metres.
 *
 * <p>Camera axes follow the pinhole convention of OpenCV: x right in the image, y down in the
 * image, z along the optical axis. Column j of {@code rotation} is camera axis j in world
 * coordinates, so a camera-frame vector v maps to world as {@code rotation * v}.
 */
public final class CameraPose implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double ORTHONORMAL_TOLERANCE = 1e-6;

    private final double[] rotation;
    private final Vector3 position;

    /**
     * Creates a pose from a row-major 3x3 camera-to-world rotation and the camera centre in ENU
     * metres. Rejects a matrix that is not a rotation, that is, not orthonormal to 1e-6 or with a
     * negative determinant.
     */
    public CameraPose(double[] rotationRowMajor, Vector3 position) {
        if (rotationRowMajor == null || rotationRowMajor.length != 9) {
            throw new IllegalArgumentException("Rotation must be a row-major 3x3 matrix of 9 values");
        }
        if (position == null) {
            throw new IllegalArgumentException("Camera position must not be null");
        }
        this.rotation = rotationRowMajor.clone();
        this.position = position;
        checkRotation();
    }

    /**
     * Creates the pose of a camera at {@code position} whose optical axis points at {@code target},
     * with image x horizontal (no roll). Rejects an optical axis within about 0.06 degrees of
     * vertical, where "horizontal" is undefined; build such a nadir pose from a rotation matrix.
     */
    public static CameraPose lookingAt(Vector3 position, Vector3 target) {
        Vector3 forward = target.minus(position).normalized();
        Vector3 right = forward.cross(new Vector3(0, 0, 1));
        if (right.norm() < 1e-3) {
            throw new IllegalArgumentException("Optical axis from " + position + " to " + target
                    + " is vertical, so the roll is undefined; pass a rotation matrix instead");
        }
        right = right.normalized();
        Vector3 down = forward.cross(right);
        double[] columns = {
            right.x(), down.x(), forward.x(),
            right.y(), down.y(), forward.y(),
            right.z(), down.z(), forward.z()
        };
        return new CameraPose(columns, position);
    }

    /** Returns the camera centre in ENU metres. */
    public Vector3 position() {
        return position;
    }

    /** Returns a copy of the row-major camera-to-world rotation. */
    public double[] rotationRowMajor() {
        return rotation.clone();
    }

    /** Maps a camera-frame vector to the world frame. */
    public Vector3 cameraToWorld(Vector3 v) {
        return new Vector3(
                rotation[0] * v.x() + rotation[1] * v.y() + rotation[2] * v.z(),
                rotation[3] * v.x() + rotation[4] * v.y() + rotation[5] * v.z(),
                rotation[6] * v.x() + rotation[7] * v.y() + rotation[8] * v.z());
    }

    /** Maps a world-frame vector to the camera frame (the transpose of the rotation). */
    public Vector3 worldToCamera(Vector3 v) {
        return new Vector3(
                rotation[0] * v.x() + rotation[3] * v.y() + rotation[6] * v.z(),
                rotation[1] * v.x() + rotation[4] * v.y() + rotation[7] * v.z(),
                rotation[2] * v.x() + rotation[5] * v.y() + rotation[8] * v.z());
    }

    private void checkRotation() {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = rotation[i] * rotation[j] + rotation[3 + i] * rotation[3 + j] + rotation[6 + i] * rotation[6 + j];
                double expected = i == j ? 1 : 0;
                if (Math.abs(dot - expected) > ORTHONORMAL_TOLERANCE) {
                    throw new IllegalArgumentException("Rotation columns are not orthonormal: column " + i
                            + " . column " + j + " = " + dot + ", rotation " + Arrays.toString(rotation));
                }
            }
        }
        double determinant = rotation[0] * (rotation[4] * rotation[8] - rotation[5] * rotation[7])
                - rotation[1] * (rotation[3] * rotation[8] - rotation[5] * rotation[6])
                + rotation[2] * (rotation[3] * rotation[7] - rotation[4] * rotation[6]);
        if (determinant < 0) {
            throw new IllegalArgumentException("Rotation has determinant " + determinant
                    + " (a reflection), rotation " + Arrays.toString(rotation));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CameraPose pose && Arrays.equals(rotation, pose.rotation) && position.equals(pose.position);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + position.hashCode();
    }

    @Override
    public String toString() {
        return "CameraPose{rotation=" + Arrays.toString(rotation) + ", position=" + position + "}";
    }
}
