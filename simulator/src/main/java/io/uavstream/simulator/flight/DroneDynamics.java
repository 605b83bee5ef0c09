package io.uavstream.simulator.flight;

import io.uavstream.simulator.camera.CameraAttitude;
import io.uavstream.simulator.geo.Vec3;
import java.util.SplittableRandom;

/**
 * Turns a planned {@link Trajectory} into true drone states: position sway from wind gusts, the
 * airframe tilt a multirotor needs to accelerate and to hold against drag and wind, vibration,
 * and the small residual motion a stabilized gimbal lets through to the camera.
 *
 * <p>Model: horizontal thrust acceleration = planned acceleration + sway acceleration + drag, with
 * drag = {@link #DRAG_PER_METRE} * |v_air| * v_air and v_air the velocity relative to the gusting
 * wind; pitch and roll are the angles that tilt the thrust by that much against gravity. The camera
 * gets {@link #GIMBAL_LEAK} of the airframe's deviation plus its own jitter.
 */
public final class DroneDynamics {

    private static final double GRAVITY = 9.81;
    /** Quadratic drag coefficient in 1/m: about 8 degrees of pitch at 10 m/s in still air. */
    static final double DRAG_PER_METRE = 0.014;
    /** Share of the airframe's attitude deviation that reaches the camera through the gimbal. */
    static final double GIMBAL_LEAK = 0.04;

    private final Trajectory trajectory;
    private final double windSpeed;
    private final double windX;
    private final double windY;
    private final Oscillation swayX;
    private final Oscillation swayY;
    private final Oscillation swayZ;
    private final Oscillation gustX;
    private final Oscillation gustY;
    private final Oscillation yawSway;
    private final Oscillation vibrationPitch;
    private final Oscillation vibrationRoll;
    private final Oscillation jitterPan;
    private final Oscillation jitterTilt;
    private final Oscillation jitterRoll;

    /** Draws the wind and disturbance of one flight from {@code random}; {@code maxWind} in metres per second, at least 0. */
    public DroneDynamics(Trajectory trajectory, SplittableRandom random, double maxWind) {
        if (!(maxWind >= 0)) {
            throw new IllegalArgumentException("maximum wind speed must be at least 0, got " + maxWind);
        }
        this.trajectory = trajectory;
        this.windSpeed = maxWind * random.nextDouble();
        double windDirection = random.nextDouble(0, 2 * Math.PI);
        this.windX = windSpeed * Math.sin(windDirection);
        this.windY = windSpeed * Math.cos(windDirection);
        double gustiness = 0.3 + windSpeed / 8;
        this.swayX = new Oscillation(random, 3, 0.5 * gustiness, 0.03, 0.25);
        this.swayY = new Oscillation(random, 3, 0.5 * gustiness, 0.03, 0.25);
        this.swayZ = new Oscillation(random, 2, 0.25 * gustiness, 0.02, 0.15);
        this.gustX = new Oscillation(random, 3, 0.35 * windSpeed, 0.05, 0.5);
        this.gustY = new Oscillation(random, 3, 0.35 * windSpeed, 0.05, 0.5);
        this.yawSway = new Oscillation(random, 2, 1.5 * gustiness, 0.05, 0.3);
        this.vibrationPitch = new Oscillation(random, 3, 0.3, 2, 9);
        this.vibrationRoll = new Oscillation(random, 3, 0.3, 2, 9);
        this.jitterPan = new Oscillation(random, 3, 0.08, 0.5, 6);
        this.jitterTilt = new Oscillation(random, 3, 0.08, 0.5, 6);
        this.jitterRoll = new Oscillation(random, 3, 0.06, 0.5, 6);
    }

    /** Returns the mean wind speed in metres per second. */
    public double windSpeed() {
        return windSpeed;
    }

    /** Returns the true state at {@code seconds} after the start. */
    public DroneState at(double seconds) {
        NominalState nominal = trajectory.at(seconds);
        Vec3 sway = new Vec3(swayX.value(seconds), swayY.value(seconds), swayZ.value(seconds));
        Vec3 swayVelocity = new Vec3(swayX.derivative(seconds), swayY.derivative(seconds), swayZ.derivative(seconds));
        Vec3 position = nominal.position().plus(sway);
        Vec3 velocity = nominal.velocity().plus(swayVelocity);

        double airX = velocity.x() - (windX + gustX.value(seconds));
        double airY = velocity.y() - (windY + gustY.value(seconds));
        double airSpeed = Math.hypot(airX, airY);
        double thrustX = nominal.acceleration().x() + swayX.secondDerivative(seconds) + DRAG_PER_METRE * airSpeed * airX;
        double thrustY = nominal.acceleration().y() + swayY.secondDerivative(seconds) + DRAG_PER_METRE * airSpeed * airY;

        double yawDeviation = yawSway.value(seconds);
        double heading = Math.toRadians(nominal.headingDegrees() + yawDeviation);
        double forward = thrustX * Math.sin(heading) + thrustY * Math.cos(heading);
        double right = thrustX * Math.cos(heading) - thrustY * Math.sin(heading);
        double pitch = -Math.toDegrees(Math.atan(forward / GRAVITY)) + vibrationPitch.value(seconds);
        double roll = Math.toDegrees(Math.atan(right / GRAVITY)) + vibrationRoll.value(seconds);

        CameraAttitude camera = new CameraAttitude(
                normalize(nominal.cameraHeadingDegrees() + GIMBAL_LEAK * yawDeviation + jitterPan.value(seconds)),
                nominal.cameraTiltDegrees() + GIMBAL_LEAK * pitch + jitterTilt.value(seconds),
                GIMBAL_LEAK * roll + jitterRoll.value(seconds));
        return new DroneState(seconds, position, velocity, normalize(Math.toDegrees(heading)), pitch, roll, camera, windSpeed);
    }

    private static double normalize(double degrees) {
        double result = degrees % 360;
        return result < 0 ? result + 360 : result;
    }
}
