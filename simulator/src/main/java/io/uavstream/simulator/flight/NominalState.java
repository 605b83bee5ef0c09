package io.uavstream.simulator.flight;

import io.uavstream.simulator.geo.Vec3;

/**
 * The planned state of a drone at one instant, before wind and vibration.
 *
 * @param position ENU metres
 * @param velocity ENU metres per second
 * @param acceleration ENU metres per second squared
 * @param headingDegrees compass heading of the airframe's nose
 * @param cameraHeadingDegrees compass heading of the image top
 * @param cameraTiltDegrees commanded angle of the optical axis from nadir
 */
public record NominalState(Vec3 position, Vec3 velocity, Vec3 acceleration, double headingDegrees,
        double cameraHeadingDegrees, double cameraTiltDegrees) {}
