package io.uavstream.simulator.scene;

/**
 * A marked parking stall where a parked vehicle may stand.
 *
 * @param x stall centre east, metres
 * @param y stall centre north, metres
 * @param headingDegrees compass direction of the stall's long axis
 * @param large whether the stall fits a truck
 */
public record ParkingSpot(double x, double y, double headingDegrees, boolean large) {}
