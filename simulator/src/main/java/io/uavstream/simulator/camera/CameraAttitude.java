package io.uavstream.simulator.camera;

import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;

/**
 * Orientation of the camera in the world (ENU) frame, as a stabilized gimbal reports it.
 *
 * <p>The camera frame is the OpenCV one: x to the image right, y to the image bottom, z along the
 * optical axis. With tilt 0 the camera looks straight down (nadir) and the image top points to the
 * heading. A positive tilt turns the optical axis from nadir towards the heading, so tilt 90 would
 * look at the horizon. A positive roll turns the image clockwise about the optical axis as seen
 * from behind the camera: the camera x axis moves towards its y axis.
 *
 * @param headingDegrees compass heading of the image top, clockwise from north
 * @param tiltDegrees angle of the optical axis from nadir, towards the heading
 * @param rollDegrees rotation about the optical axis
 */
public record CameraAttitude(double headingDegrees, double tiltDegrees, double rollDegrees) {

    /** Returns the camera-to-world rotation: its columns are the camera x, y and z axes in ENU. */
    public Rotation toRotation() {
        double heading = Math.toRadians(headingDegrees);
        double tilt = Math.toRadians(tiltDegrees);
        double roll = Math.toRadians(rollDegrees);
        Vec3 forward = new Vec3(Math.sin(heading), Math.cos(heading), 0);
        Vec3 right = new Vec3(Math.cos(heading), -Math.sin(heading), 0);
        Vec3 opticalAxis = Vec3.UP.times(-Math.cos(tilt)).plus(forward.times(Math.sin(tilt)));
        Vec3 imageDown = forward.times(-Math.cos(tilt)).minus(Vec3.UP.times(Math.sin(tilt)));
        Vec3 x = right.times(Math.cos(roll)).plus(imageDown.times(Math.sin(roll)));
        Vec3 y = imageDown.times(Math.cos(roll)).minus(right.times(Math.sin(roll)));
        return Rotation.fromColumns(x, y, opticalAxis);
    }

    /** Returns the gimbal pitch in the DJI convention: -90 degrees at nadir, 0 at the horizon. */
    public double gimbalPitchDegrees() {
        return tiltDegrees - 90;
    }
}
