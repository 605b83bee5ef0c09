package io.uavstream.simulator.traffic;

/**
 * A polyline an agent follows: the turn into an edge (if any) and the edge's straight lane. Arc
 * lengths are in metres from the first point.
 */
final class Leg {

    final double[] xs;
    final double[] ys;
    final double[] cumulative;
    /** Arc length at which the turn ends and the straight part starts. */
    final double turnEnd;
    /** Speed limit in the turn, metres per second; infinite for a straight start. */
    final double turnSpeed;

    Leg(double[] xs, double[] ys, double turnEnd, double turnSpeed) {
        this.xs = xs;
        this.ys = ys;
        this.cumulative = new double[xs.length];
        for (int k = 1; k < xs.length; k++) {
            cumulative[k] = cumulative[k - 1] + Math.hypot(xs[k] - xs[k - 1], ys[k] - ys[k - 1]);
        }
        this.turnEnd = turnEnd;
        this.turnSpeed = turnSpeed;
    }

    double length() {
        return cumulative[cumulative.length - 1];
    }

    /** Writes x, y and compass heading (radians) at arc length {@code s} into {@code pose}. */
    void poseAt(double s, double[] pose) {
        int k = 1;
        while (k < xs.length - 1 && cumulative[k] < s) {
            k++;
        }
        double segment = cumulative[k] - cumulative[k - 1];
        double t = segment <= 0 ? 0 : Math.max(0, Math.min(1, (s - cumulative[k - 1]) / segment));
        double dx = xs[k] - xs[k - 1];
        double dy = ys[k] - ys[k - 1];
        pose[0] = xs[k - 1] + t * dx;
        pose[1] = ys[k - 1] + t * dy;
        if (dx != 0 || dy != 0) {
            pose[2] = Math.atan2(dx, dy);
        }
    }
}
