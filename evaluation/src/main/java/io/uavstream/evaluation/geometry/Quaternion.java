package io.uavstream.evaluation.geometry;

/**
 * Unit quaternion for a 3D rotation, in the TUM order (x, y, z, w) with w the scalar part. The
 * constructor normalizes, so any non-zero quaternion is accepted.
 */
public record Quaternion(double x, double y, double z, double w) {

    public static final Quaternion IDENTITY = new Quaternion(0, 0, 0, 1);

    public Quaternion {
        double norm = Math.sqrt(x * x + y * y + z * z + w * w);
        if (!Double.isFinite(norm) || norm == 0) {
            throw new IllegalArgumentException("Quaternion must be finite and non-zero, got (" + x + ", " + y + ", "
                    + z + ", " + w + ")");
        }
        x /= norm;
        y /= norm;
        z /= norm;
        w /= norm;
    }

    /** Creates the rotation by {@code angle} radians about {@code axis} (any non-zero length). */
    public static Quaternion fromAxisAngle(Vector3 axis, double angle) {
        double norm = axis.norm();
        if (norm == 0) {
            throw new IllegalArgumentException("Rotation axis must not be zero");
        }
        double sine = Math.sin(angle / 2) / norm;
        return new Quaternion(axis.x() * sine, axis.y() * sine, axis.z() * sine, Math.cos(angle / 2));
    }

    /** Converts a rotation matrix (orthonormal, determinant 1) to a quaternion. */
    public static Quaternion fromRotationMatrix(Matrix3 r) {
        double trace = r.trace();
        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace);
            return new Quaternion((r.get(2, 1) - r.get(1, 2)) / s, (r.get(0, 2) - r.get(2, 0)) / s,
                    (r.get(1, 0) - r.get(0, 1)) / s, s / 4);
        }
        if (r.get(0, 0) >= r.get(1, 1) && r.get(0, 0) >= r.get(2, 2)) {
            double s = 2 * Math.sqrt(1 + r.get(0, 0) - r.get(1, 1) - r.get(2, 2));
            return new Quaternion(s / 4, (r.get(0, 1) + r.get(1, 0)) / s, (r.get(0, 2) + r.get(2, 0)) / s,
                    (r.get(2, 1) - r.get(1, 2)) / s);
        }
        if (r.get(1, 1) >= r.get(2, 2)) {
            double s = 2 * Math.sqrt(1 + r.get(1, 1) - r.get(0, 0) - r.get(2, 2));
            return new Quaternion((r.get(0, 1) + r.get(1, 0)) / s, s / 4, (r.get(1, 2) + r.get(2, 1)) / s,
                    (r.get(0, 2) - r.get(2, 0)) / s);
        }
        double s = 2 * Math.sqrt(1 + r.get(2, 2) - r.get(0, 0) - r.get(1, 1));
        return new Quaternion((r.get(0, 2) + r.get(2, 0)) / s, (r.get(1, 2) + r.get(2, 1)) / s, s / 4,
                (r.get(1, 0) - r.get(0, 1)) / s);
    }

    /** Returns the rotation matrix that maps vectors of the rotated frame into the reference frame. */
    public Matrix3 toRotationMatrix() {
        return new Matrix3(
                1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y));
    }
}
