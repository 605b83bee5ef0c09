package io.uavstream.simulator.flight;

import io.uavstream.simulator.geo.Vec3;

/** Circles a point of interest at constant speed and altitude with the nose and camera towards the centre. */
public final class OrbitTrajectory implements Trajectory {

    private final double centreX;
    private final double centreY;
    private final double radius;
    private final double altitude;
    private final double angularSpeed;
    private final double startAngle;
    private final double tiltDegrees;

    /**
     * @param radius orbit radius in metres
     * @param speed ground speed in metres per second; positive flies clockwise seen from above
     * @param startAngleDegrees compass bearing of the drone from the centre at time 0
     */
    public OrbitTrajectory(double centreX, double centreY, double radius, double altitude, double speed,
            double startAngleDegrees, double tiltDegrees) {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("orbit radius must be positive, got " + radius);
        }
        this.centreX = centreX;
        this.centreY = centreY;
        this.radius = radius;
        this.altitude = altitude;
        this.angularSpeed = speed / radius;
        this.startAngle = Math.toRadians(startAngleDegrees);
        this.tiltDegrees = tiltDegrees;
    }

    @Override
    public NominalState at(double seconds) {
        double angle = startAngle + angularSpeed * seconds;
        double sin = Math.sin(angle);
        double cos = Math.cos(angle);
        Vec3 position = new Vec3(centreX + radius * sin, centreY + radius * cos, altitude);
        Vec3 velocity = new Vec3(radius * angularSpeed * cos, -radius * angularSpeed * sin, 0);
        Vec3 acceleration = new Vec3(-radius * angularSpeed * angularSpeed * sin, -radius * angularSpeed * angularSpeed * cos, 0);
        double headingToCentre = Math.toDegrees(angle) + 180;
        return new NominalState(position, velocity, acceleration, headingToCentre, headingToCentre, tiltDegrees);
    }
}
