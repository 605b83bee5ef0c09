package io.uavstream.simulator;

/**
 * Progress of one drone in a run.
 *
 * @param droneId the drone
 * @param framesDone frames rendered and written so far
 * @param totalFrames frames in the whole flight
 */
public record SimulationProgress(String droneId, int framesDone, int totalFrames) {}
