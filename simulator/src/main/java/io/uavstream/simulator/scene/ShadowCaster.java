package io.uavstream.simulator.scene;

/**
 * A raised body that casts a shadow: a horizontal footprint (interleaved polygon, metres) extruded
 * from {@code bottom} to {@code top} metres above the ground.
 */
record ShadowCaster(double[] footprint, double bottom, double top) {}
