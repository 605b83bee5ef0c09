package io.uavstream.evaluation.geometry;

import java.util.Arrays;

/** Immutable 3x3 matrix of doubles, stored row by row. */
public final class Matrix3 {

    public static final Matrix3 IDENTITY = new Matrix3(1, 0, 0, 0, 1, 0, 0, 0, 1);
    public static final Matrix3 ZERO = new Matrix3(0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final double[] entries;

    public Matrix3(double m00, double m01, double m02,
                   double m10, double m11, double m12,
                   double m20, double m21, double m22) {
        this.entries = new double[] {m00, m01, m02, m10, m11, m12, m20, m21, m22};
    }

    private Matrix3(double[] entries) {
        this.entries = entries;
    }

    /** Creates the matrix whose columns are the three vectors. */
    public static Matrix3 ofColumns(Vector3 first, Vector3 second, Vector3 third) {
        return new Matrix3(
                first.x(), second.x(), third.x(),
                first.y(), second.y(), third.y(),
                first.z(), second.z(), third.z());
    }

    public static Matrix3 diagonal(double d0, double d1, double d2) {
        return new Matrix3(d0, 0, 0, 0, d1, 0, 0, 0, d2);
    }

    public double get(int row, int column) {
        return entries[3 * row + column];
    }

    public Vector3 column(int column) {
        return new Vector3(get(0, column), get(1, column), get(2, column));
    }

    public Matrix3 plus(Matrix3 other) {
        double[] sum = new double[9];
        for (int i = 0; i < 9; i++) {
            sum[i] = entries[i] + other.entries[i];
        }
        return new Matrix3(sum);
    }

    public Matrix3 times(double factor) {
        double[] product = new double[9];
        for (int i = 0; i < 9; i++) {
            product[i] = entries[i] * factor;
        }
        return new Matrix3(product);
    }

    public Matrix3 times(Matrix3 other) {
        double[] product = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += get(row, k) * other.get(k, column);
                }
                product[3 * row + column] = sum;
            }
        }
        return new Matrix3(product);
    }

    public Vector3 times(Vector3 vector) {
        return new Vector3(
                get(0, 0) * vector.x() + get(0, 1) * vector.y() + get(0, 2) * vector.z(),
                get(1, 0) * vector.x() + get(1, 1) * vector.y() + get(1, 2) * vector.z(),
                get(2, 0) * vector.x() + get(2, 1) * vector.y() + get(2, 2) * vector.z());
    }

    public Matrix3 transpose() {
        return new Matrix3(
                get(0, 0), get(1, 0), get(2, 0),
                get(0, 1), get(1, 1), get(2, 1),
                get(0, 2), get(1, 2), get(2, 2));
    }

    public double trace() {
        return get(0, 0) + get(1, 1) + get(2, 2);
    }

    public double determinant() {
        return get(0, 0) * (get(1, 1) * get(2, 2) - get(1, 2) * get(2, 1))
                - get(0, 1) * (get(1, 0) * get(2, 2) - get(1, 2) * get(2, 0))
                + get(0, 2) * (get(1, 0) * get(2, 1) - get(1, 1) * get(2, 0));
    }

    /**
     * Returns the rotation angle in radians, in [0, pi], of this matrix read as a rotation.
     * It uses atan2 of the sine and cosine parts, which stays accurate near 0 and pi, unlike
     * {@code acos((trace - 1) / 2)}.
     */
    public double rotationAngle() {
        double sineX = get(2, 1) - get(1, 2);
        double sineY = get(0, 2) - get(2, 0);
        double sineZ = get(1, 0) - get(0, 1);
        double twiceSine = Math.sqrt(sineX * sineX + sineY * sineY + sineZ * sineZ);
        return Math.atan2(twiceSine, trace() - 1);
    }

    /** Returns the largest absolute difference between corresponding entries. */
    public double maxAbsDifference(Matrix3 other) {
        double max = 0;
        for (int i = 0; i < 9; i++) {
            max = Math.max(max, Math.abs(entries[i] - other.entries[i]));
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix3 matrix && Arrays.equals(entries, matrix.entries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
        return "Matrix3[" + Arrays.toString(Arrays.copyOfRange(entries, 0, 3)) + ", "
                + Arrays.toString(Arrays.copyOfRange(entries, 3, 6)) + ", "
                + Arrays.toString(Arrays.copyOfRange(entries, 6, 9)) + "]";
    }
}
