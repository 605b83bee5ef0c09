package io.uavstream.cli.odometry;

import io.uavstream.evaluation.odometry.Alignment;
import io.uavstream.simulator.FlightPattern;

/**
 * One simulated flight of the odometry benchmark: what the simulator flies, which telemetry the
 * odometry gets, and how its trajectory is aligned to the truth before the ATE.
 */
enum OdometryScenario {
    /** Lawnmower survey at 80 m, nadir camera, telemetry height only; ATE after SE(3). */
    LAWNMOWER_NADIR(FlightPattern.LAWNMOWER, 80, 0, TelemetryMode.HEIGHT, Alignment.SE3),
    /** Lawnmower survey at 80 m, camera 30 degrees off nadir, no telemetry; ATE after Sim(3). */
    LAWNMOWER_OBLIQUE(FlightPattern.LAWNMOWER, 80, 30, TelemetryMode.NONE, Alignment.SIM3),
    /** Orbit at 80 m around a junction, telemetry height only; drift as RPE over 1 s. */
    ORBIT(FlightPattern.ORBIT, 80, 30, TelemetryMode.HEIGHT, Alignment.SE3),
    /** Hover at 80 m with a slow gimbal pan, telemetry height only; drift as RPE over 1 s. */
    HOVER(FlightPattern.HOVER, 80, 20, TelemetryMode.HEIGHT, Alignment.SE3),
    /**
     * Lawnmower survey at 80 m, nadir camera, with height and GPS on every frame and the attitude
     * on the first: georeferenced poses, for ground projection in world coordinates.
     */
    LAWNMOWER_GEOREFERENCED(FlightPattern.LAWNMOWER, 80, 0, TelemetryMode.FULL, Alignment.NONE);

    /** Telemetry given to the odometry. */
    enum TelemetryMode {
        /** Nothing: the trajectory is up to scale. */
        NONE,
        /** Height above ground on every frame. */
        HEIGHT,
        /** Height and GPS position on every frame, camera attitude on the first frame. */
        FULL
    }

    private final FlightPattern pattern;
    private final double altitudeMetres;
    private final double offNadirDegrees;
    private final TelemetryMode telemetry;
    private final Alignment alignment;

    OdometryScenario(FlightPattern pattern, double altitudeMetres, double offNadirDegrees, TelemetryMode telemetry,
            Alignment alignment) {
        this.pattern = pattern;
        this.altitudeMetres = altitudeMetres;
        this.offNadirDegrees = offNadirDegrees;
        this.telemetry = telemetry;
        this.alignment = alignment;
    }

    FlightPattern pattern() {
        return pattern;
    }

    double altitudeMetres() {
        return altitudeMetres;
    }

    double offNadirDegrees() {
        return offNadirDegrees;
    }

    TelemetryMode telemetry() {
        return telemetry;
    }

    Alignment alignment() {
        return alignment;
    }
}
