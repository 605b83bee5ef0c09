package io.uavstream.simulator.camera;

/**
 * A projected point.
 *
 * @param u column coordinate in pixels (continuous, see {@link CameraIntrinsics})
 * @param v row coordinate in pixels
 * @param depth distance along the optical axis in metres
 */
public record ImagePoint(double u, double v, double depth) {}
