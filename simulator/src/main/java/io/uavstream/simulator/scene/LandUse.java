package io.uavstream.simulator.scene;

/** Kind of land that fills a block between roads. */
public enum LandUse {
    URBAN,
    SUBURBAN,
    INDUSTRIAL,
    PARKING,
    PARK,
    FIELD,
    FOREST;

    /** Returns whether roads beside this land use have sidewalks. */
    boolean hasSidewalks() {
        return this == URBAN || this == SUBURBAN || this == PARKING || this == PARK || this == INDUSTRIAL;
    }
}
