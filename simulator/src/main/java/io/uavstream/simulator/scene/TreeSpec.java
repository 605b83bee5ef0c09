package io.uavstream.simulator.scene;

/** A tree to plant: canopy disc centre (x, y) and radius in metres, canopy level and base colour. */
record TreeSpec(double x, double y, double radius, int level, int color) {}
