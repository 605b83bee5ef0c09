package io.uavstream.simulator.scene;

import java.util.Arrays;

/** Small helpers for 2D polygons given as separate x and y arrays, in metres. */
public final class Polygons {

    private Polygons() {}

    /**
     * Returns the corners of a rectangle centred at (cx, cy) whose length runs along compass
     * heading {@code headingRadians} (clockwise from north), as {x0, y0, x1, y1, ...}.
     */
    public static double[] rectangle(double cx, double cy, double length, double width, double headingRadians) {
        double fx = Math.sin(headingRadians);
        double fy = Math.cos(headingRadians);
        double rx = fy;
        double ry = -fx;
        double hl = length / 2;
        double hw = width / 2;
        return new double[] {
            cx + fx * hl + rx * hw, cy + fy * hl + ry * hw,
            cx + fx * hl - rx * hw, cy + fy * hl - ry * hw,
            cx - fx * hl - rx * hw, cy - fy * hl - ry * hw,
            cx - fx * hl + rx * hw, cy - fy * hl + ry * hw,
        };
    }

    /**
     * Moves every edge of a convex polygon (interleaved x, y) inwards by {@code distance} and
     * returns the polygon of the moved edges' intersections; null if it collapses.
     */
    public static double[] inset(double[] polygon, double distance) {
        double[] distances = new double[polygon.length / 2];
        Arrays.fill(distances, distance);
        return inset(polygon, distances);
    }

    /**
     * Moves edge k of a convex polygon (from point k to point k + 1) inwards by {@code distances[k]}
     * and returns the polygon of the moved edges' intersections; null if it collapses.
     */
    public static double[] inset(double[] polygon, double[] distances) {
        int n = polygon.length / 2;
        double area = signedArea(polygon);
        double orientation = Math.signum(area);
        double[] lines = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double x0 = polygon[2 * i];
            double y0 = polygon[2 * i + 1];
            double x1 = polygon[2 * ((i + 1) % n)];
            double y1 = polygon[2 * ((i + 1) % n) + 1];
            double length = Math.hypot(x1 - x0, y1 - y0);
            // Inward normal: to the left of the edge for a counter-clockwise polygon.
            double nx = -(y1 - y0) / length * orientation;
            double ny = (x1 - x0) / length * orientation;
            lines[3 * i] = nx;
            lines[3 * i + 1] = ny;
            lines[3 * i + 2] = nx * x0 + ny * y0 + distances[i];
        }
        double[] result = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int previous = (i + n - 1) % n;
            double a1 = lines[3 * previous];
            double b1 = lines[3 * previous + 1];
            double c1 = lines[3 * previous + 2];
            double a2 = lines[3 * i];
            double b2 = lines[3 * i + 1];
            double c2 = lines[3 * i + 2];
            double determinant = a1 * b2 - a2 * b1;
            if (Math.abs(determinant) < 1e-9) {
                return null;
            }
            result[2 * i] = (c1 * b2 - c2 * b1) / determinant;
            result[2 * i + 1] = (a1 * c2 - a2 * c1) / determinant;
        }
        if (Math.signum(signedArea(result)) != orientation || Math.abs(signedArea(result)) > Math.abs(area)) {
            return null;
        }
        return result;
    }

    /** Returns the signed area (positive when counter-clockwise) of an interleaved polygon. */
    public static double signedArea(double[] polygon) {
        int n = polygon.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += polygon[2 * i] * polygon[2 * j + 1] - polygon[2 * j] * polygon[2 * i + 1];
        }
        return sum / 2;
    }

    /** Returns whether (x, y) lies inside a convex or concave interleaved polygon (even-odd rule). */
    public static boolean contains(double[] polygon, double x, double y) {
        int n = polygon.length / 2;
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Returns the polygon's points translated by (dx, dy). */
    public static double[] translate(double[] polygon, double dx, double dy) {
        double[] result = polygon.clone();
        for (int i = 0; i < result.length; i += 2) {
            result[i] += dx;
            result[i + 1] += dy;
        }
        return result;
    }

    /** Returns the convex hull (counter-clockwise, interleaved) of interleaved points, by Andrew's monotone chain. */
    public static double[] convexHull(double[] points) {
        int n = points.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> points[2 * a] != points[2 * b]
                ? Double.compare(points[2 * a], points[2 * b])
                : Double.compare(points[2 * a + 1], points[2 * b + 1]));
        int[] hull = new int[2 * n];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = k;
            for (int step = 0; step < n; step++) {
                int i = pass == 0 ? order[step] : order[n - 1 - step];
                while (k >= start + 2 && cross(points, hull[k - 2], hull[k - 1], i) <= 0) {
                    k--;
                }
                hull[k++] = i;
            }
            k--;
        }
        double[] result = new double[2 * k];
        for (int i = 0; i < k; i++) {
            result[2 * i] = points[2 * hull[i]];
            result[2 * i + 1] = points[2 * hull[i] + 1];
        }
        return result;
    }

    private static double cross(double[] p, int o, int a, int b) {
        return (p[2 * a] - p[2 * o]) * (p[2 * b + 1] - p[2 * o + 1]) - (p[2 * a + 1] - p[2 * o + 1]) * (p[2 * b] - p[2 * o]);
    }
}
