package io.uavstream.simulator.scene;

/** Kinds of ways in the road network, with their cross-section in metres. */
public enum RoadClass {
    /** Arterial road: two lanes each way. */
    MAIN(7.5, 2, 3.5),
    /** Residential or access road: one lane each way. */
    LOCAL(3.75, 1, 3.25),
    /** Footpath or cycle path without motor traffic. */
    FOOTPATH(1.5, 0, 0);

    private final double halfWidth;
    private final int lanesPerDirection;
    private final double laneWidth;

    RoadClass(double halfWidth, int lanesPerDirection, double laneWidth) {
        this.halfWidth = halfWidth;
        this.lanesPerDirection = lanesPerDirection;
        this.laneWidth = laneWidth;
    }

    /** Returns half the paved width in metres, from the centre line to the kerb. */
    public double halfWidth() {
        return halfWidth;
    }

    /** Returns the number of motor-traffic lanes in each direction; 0 for footpaths. */
    public int lanesPerDirection() {
        return lanesPerDirection;
    }

    /** Returns the width of one lane in metres. */
    public double laneWidth() {
        return laneWidth;
    }

    /** Returns whether motor vehicles use this way. */
    public boolean carriesVehicles() {
        return lanesPerDirection > 0;
    }
}
