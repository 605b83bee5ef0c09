package io.uavstream.simulator.scene;

/** A railway bridge deck over a road: a rectangle (interleaved corners) raised to {@link ElevationLevels#BRIDGE_DECK}. */
record BridgeDeck(double[] footprint, double directionX, double directionY) {

    /** Width of the deck across the track, in metres. */
    static final double WIDTH = 7;
}
