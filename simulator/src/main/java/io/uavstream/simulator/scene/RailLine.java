package io.uavstream.simulator.scene;

/**
 * A straight railway across the whole scene, through (x, y) along the unit direction (dx, dy).
 * Where it crosses a road it runs on a bridge deck.
 */
record RailLine(double x, double y, double dx, double dy) {

    /** Width in metres of the ballast bed. */
    static final double BED_WIDTH = 6;

    /** Returns the distance in metres from (px, py) to the line. */
    double distance(double px, double py) {
        return Math.abs((px - x) * dy - (py - y) * dx);
    }
}
