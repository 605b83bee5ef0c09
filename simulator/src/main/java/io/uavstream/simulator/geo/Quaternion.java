package io.uavstream.simulator.geo;

/** A unit quaternion (x, y, z, w) with w the scalar part, in the Hamilton convention used by TUM and ROS. */
public record Quaternion(double x, double y, double z, double w) {}
