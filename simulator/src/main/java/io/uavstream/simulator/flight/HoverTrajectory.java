package io.uavstream.simulator.flight;

import io.uavstream.simulator.geo.Vec3;

/** Holds position at a point while the gimbal pans slowly left and right (12 degrees over a 45 s period). */
public final class HoverTrajectory implements Trajectory {

    private static final double PAN_DEGREES = 12;
    private static final double PAN_PERIOD_SECONDS = 45;

    private final Vec3 position;
    private final double headingDegrees;
    private final double tiltDegrees;

    public HoverTrajectory(Vec3 position, double headingDegrees, double tiltDegrees) {
        this.position = position;
        this.headingDegrees = headingDegrees;
        this.tiltDegrees = tiltDegrees;
    }

    @Override
    public NominalState at(double seconds) {
        double pan = PAN_DEGREES * Math.sin(2 * Math.PI * seconds / PAN_PERIOD_SECONDS);
        return new NominalState(position, Vec3.ZERO, Vec3.ZERO, headingDegrees, headingDegrees + pan, tiltDegrees);
    }
}
