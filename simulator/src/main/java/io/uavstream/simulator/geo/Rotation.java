package io.uavstream.simulator.geo;

import java.util.Objects;

/**
 * A rotation as an orthonormal 3x3 matrix R that maps vectors of a child frame into a parent
 * frame: {@code parent = R * child}. The columns of R are the child frame's axes expressed in the
 * parent frame.
 */
public final class Rotation {

    /** Row-major elements. */
    private final double[] m;

    private Rotation(double[] m) {
        this.m = m;
    }

    /** Returns the rotation whose columns are the child axes {@code x}, {@code y} and {@code z}, each of unit length. */
    public static Rotation fromColumns(Vec3 x, Vec3 y, Vec3 z) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        return new Rotation(new double[] {
            x.x(), y.x(), z.x(),
            x.y(), y.y(), z.y(),
            x.z(), y.z(), z.z(),
        });
    }

    /** Returns element (row, column), both 0 to 2. */
    public double element(int row, int column) {
        return m[3 * row + column];
    }

    /** Returns the child axis {@code index} (0 = x, 1 = y, 2 = z) in parent coordinates. */
    public Vec3 column(int index) {
        return new Vec3(m[index], m[3 + index], m[6 + index]);
    }

    /** Maps a child-frame vector into the parent frame. */
    public Vec3 apply(Vec3 v) {
        return new Vec3(
                m[0] * v.x() + m[1] * v.y() + m[2] * v.z(),
                m[3] * v.x() + m[4] * v.y() + m[5] * v.z(),
                m[6] * v.x() + m[7] * v.y() + m[8] * v.z());
    }

    /** Maps a parent-frame vector into the child frame (multiplies by the transpose). */
    public Vec3 applyInverse(Vec3 v) {
        return new Vec3(
                m[0] * v.x() + m[3] * v.y() + m[6] * v.z(),
                m[1] * v.x() + m[4] * v.y() + m[7] * v.z(),
                m[2] * v.x() + m[5] * v.y() + m[8] * v.z());
    }

    /**
     * Converts to a unit quaternion with a non-negative scalar part, so that equal rotations always
     * print the same four numbers.
     */
    public Quaternion toQuaternion() {
        double trace = m[0] + m[4] + m[8];
        double x;
        double y;
        double z;
        double w;
        // Shepperd's method: divide by the largest of the four candidates for numerical stability.
        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace);
            w = s / 4;
            x = (m[7] - m[5]) / s;
            y = (m[2] - m[6]) / s;
            z = (m[3] - m[1]) / s;
        } else if (m[0] > m[4] && m[0] > m[8]) {
            double s = 2 * Math.sqrt(1 + m[0] - m[4] - m[8]);
            w = (m[7] - m[5]) / s;
            x = s / 4;
            y = (m[1] + m[3]) / s;
            z = (m[2] + m[6]) / s;
        } else if (m[4] > m[8]) {
            double s = 2 * Math.sqrt(1 + m[4] - m[0] - m[8]);
            w = (m[2] - m[6]) / s;
            x = (m[1] + m[3]) / s;
            y = s / 4;
            z = (m[5] + m[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + m[8] - m[0] - m[4]);
            w = (m[3] - m[1]) / s;
            x = (m[2] + m[6]) / s;
            y = (m[5] + m[7]) / s;
            z = s / 4;
        }
        double norm = Math.sqrt(x * x + y * y + z * z + w * w);
        double sign = w < 0 ? -1 : 1;
        return new Quaternion(sign * x / norm, sign * y / norm, sign * z / norm, sign * w / norm);
    }
}
