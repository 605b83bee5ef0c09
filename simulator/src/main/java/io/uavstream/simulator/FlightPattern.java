package io.uavstream.simulator;

/** Flight patterns a simulated drone can fly. */
public enum FlightPattern {
    /** Holds position over a road while the gimbal pans slowly. */
    HOVER,
    /** Survey: six parallel lines joined by semicircular turns, line spacing for 30 % sidelap, at the lowest tilt of the configured range. */
    LAWNMOWER,
    /** Circles a junction with the nose and camera towards it. */
    ORBIT,
    /** Fast racetrack across the scene: two long lines far apart. */
    TRANSIT
}
