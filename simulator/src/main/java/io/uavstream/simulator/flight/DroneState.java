package io.uavstream.simulator.flight;

import io.uavstream.simulator.camera.CameraAttitude;
import io.uavstream.simulator.geo.Vec3;

/**
 * The true state of a drone at one instant, after wind and vibration.
 *
 * @param seconds time since the start of the flight
 * @param position optical centre of the camera in ENU metres (the airframe and camera are taken to coincide)
 * @param velocity ENU metres per second
 * @param headingDegrees compass heading of the airframe's nose
 * @param pitchDegrees airframe pitch, nose up positive
 * @param rollDegrees airframe roll, right wing down positive
 * @param camera the camera's orientation in the world
 * @param windSpeed mean wind speed in metres per second
 */
public record DroneState(double seconds, Vec3 position, Vec3 velocity, double headingDegrees, double pitchDegrees,
        double rollDegrees, CameraAttitude camera, double windSpeed) {

    /** Returns the horizontal ground speed in metres per second. */
    public double groundSpeed() {
        return Math.hypot(velocity.x(), velocity.y());
    }
}
