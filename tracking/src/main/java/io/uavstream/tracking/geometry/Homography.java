package io.uavstream.tracking.geometry;

import java.util.Arrays;

/**
 * Projective map between the pixel coordinates of two frames, as a 3x3 matrix H acting on
 * homogeneous points: (u, v) = ((h11 x + h12 y + h13) / w, (h21 x + h22 y + h23) / w) with
 * w = h31 x + h32 y + h33. Translations, rotations, zooms and affine maps are special cases with
 * h31 = h32 = 0.
 *
 * <p>The matrix is scaled on construction so that h33 = 1. The image origin then has w = 1, and
 * a point can be mapped only where w is positive, which is the side of the horizon line that
 * contains the origin.
 */
public final class Homography {

    /** Smallest w (after scaling to h33 = 1) at which a point still counts as mappable. */
    private static final double MIN_DENOMINATOR = 1e-9;

    private static final Homography IDENTITY = new Homography(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});

    private final double[] matrix;

    private Homography(double[] matrix) {
        this.matrix = matrix;
    }

    /**
     * Creates a homography from its nine entries in row-major order (h11, h12, h13, h21, ..., h33).
     *
     * @throws IllegalArgumentException if there are not nine finite entries, h33 is 0 (the image
     *     origin would map to infinity) or the matrix is singular
     */
    public static Homography of(double... rowMajor) {
        if (rowMajor == null || rowMajor.length != 9) {
            throw new IllegalArgumentException("Homography needs 9 entries in row-major order, got "
                    + (rowMajor == null ? "null" : rowMajor.length));
        }
        for (int i = 0; i < 9; i++) {
            if (!Double.isFinite(rowMajor[i])) {
                throw new IllegalArgumentException("Homography entry " + i + " must be finite, got " + rowMajor[i]);
            }
        }
        if (rowMajor[8] == 0) {
            throw new IllegalArgumentException("Homography entry h33 must be non-zero, because a frame-to-frame "
                    + "homography maps the image origin to a finite point; got " + Arrays.toString(rowMajor));
        }
        double[] scaled = new double[9];
        for (int i = 0; i < 9; i++) {
            scaled[i] = rowMajor[i] / rowMajor[8];
        }
        double determinant = determinant(scaled);
        if (!(Math.abs(determinant) > 1e-12)) {
            throw new IllegalArgumentException("Homography must be invertible, got determinant " + determinant
                    + " for " + Arrays.toString(rowMajor));
        }
        return new Homography(scaled);
    }

    public static Homography identity() {
        return IDENTITY;
    }

    /** Creates the homography that moves every point by ({@code dx}, {@code dy}) pixels. */
    public static Homography translation(double dx, double dy) {
        return of(1, 0, dx, 0, 1, dy, 0, 0, 1);
    }

    /**
     * Creates the similarity that rotates by {@code angleRadians} (counter-clockwise in a y-down
     * image, that is clockwise on screen) and scales by {@code scale} about the pixel
     * ({@code centerX}, {@code centerY}).
     */
    public static Homography rotation(double centerX, double centerY, double angleRadians, double scale) {
        double cos = scale * Math.cos(angleRadians);
        double sin = scale * Math.sin(angleRadians);
        double tx = centerX - cos * centerX + sin * centerY;
        double ty = centerY - sin * centerX - cos * centerY;
        return of(cos, -sin, tx, sin, cos, ty, 0, 0, 1);
    }

    /** Returns entry (row, column) of the matrix scaled to h33 = 1, with rows and columns from 0. */
    public double get(int row, int column) {
        if (row < 0 || row > 2 || column < 0 || column > 2) {
            throw new IndexOutOfBoundsException("Homography has rows and columns 0 to 2, got (" + row + ", " + column + ")");
        }
        return matrix[row * 3 + column];
    }

    /** Returns a copy of the nine entries in row-major order, scaled to h33 = 1. */
    public double[] toArray() {
        return matrix.clone();
    }

    /** Returns the homography that applies {@code first} and then this one. */
    public Homography after(Homography first) {
        double[] product = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += matrix[row * 3 + k] * first.matrix[k * 3 + column];
                }
                product[row * 3 + column] = sum;
            }
        }
        return of(product);
    }

    /** Returns whether the point lies on the mappable side of the horizon line. */
    public boolean canMap(double x, double y) {
        return denominator(x, y) > MIN_DENOMINATOR;
    }

    /** Returns whether all four corners of the box lie on the mappable side of the horizon line. */
    public boolean canMap(Box box) {
        return canMap(box.x1(), box.y1()) && canMap(box.x2(), box.y1())
                && canMap(box.x1(), box.y2()) && canMap(box.x2(), box.y2());
    }

    /**
     * Maps a pixel of the source frame to the target frame.
     *
     * @throws IllegalArgumentException if the point is not mappable, see {@link #canMap(double, double)}
     */
    public Point map(double x, double y) {
        double w = denominator(x, y);
        if (!(w > MIN_DENOMINATOR)) {
            throw new IllegalArgumentException("Point (" + x + ", " + y + ") lies on or beyond the horizon line of "
                    + this + " (w = " + w + ") and has no image in the target frame");
        }
        double u = (matrix[0] * x + matrix[1] * y + matrix[2]) / w;
        double v = (matrix[3] * x + matrix[4] * y + matrix[5]) / w;
        return new Point(u, v);
    }

    /**
     * Maps the four corners of a box and returns the axis-aligned box around them, in pixels of
     * the target frame. Under rotation the result is larger than the box, as is the detector box
     * of a rectangular object seen rotated.
     *
     * @throws IllegalArgumentException if a corner is not mappable, see {@link #canMap(Box)}
     */
    public Box map(Box box) {
        Point[] corners = {
            map(box.x1(), box.y1()), map(box.x2(), box.y1()), map(box.x1(), box.y2()), map(box.x2(), box.y2())
        };
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point corner : corners) {
            minX = Math.min(minX, corner.x());
            minY = Math.min(minY, corner.y());
            maxX = Math.max(maxX, corner.x());
            maxY = Math.max(maxY, corner.y());
        }
        return new Box(minX, minY, maxX, maxY);
    }

    /**
     * Returns the 2x2 Jacobian of the map at a mappable point, row-major (du/dx, du/dy, dv/dx,
     * dv/dy). It is the local linear map that small displacements and velocities undergo.
     *
     * @throws IllegalArgumentException if the point is not mappable
     */
    public double[] jacobian(double x, double y) {
        Point mapped = map(x, y);
        double w = denominator(x, y);
        return new double[] {
            (matrix[0] - mapped.x() * matrix[6]) / w,
            (matrix[1] - mapped.x() * matrix[7]) / w,
            (matrix[3] - mapped.y() * matrix[6]) / w,
            (matrix[4] - mapped.y() * matrix[7]) / w,
        };
    }

    private double denominator(double x, double y) {
        return matrix[6] * x + matrix[7] * y + matrix[8];
    }

    private static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7])
                - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Homography homography && Arrays.equals(matrix, homography.matrix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(matrix);
    }

    @Override
    public String toString() {
        return "Homography" + Arrays.toString(matrix);
    }
}
