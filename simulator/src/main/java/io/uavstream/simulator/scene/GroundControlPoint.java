package io.uavstream.simulator.scene;

/**
 * A survey target painted on open ground: a magenta square {@link #SIDE_METRES} wide whose centre
 * is the surveyed point (x, y, 0) in ENU metres.
 */
public record GroundControlPoint(int id, double x, double y) {

    /** Side length of the painted square in metres. */
    public static final double SIDE_METRES = 2.0;
}
