package io.uavstream.simulator;

/**
 * Receives progress during {@link FleetSimulation#runToDirectory}. Called after every frame on the
 * drone's worker thread, concurrently for different drones, so implementations must be thread-safe
 * and return quickly.
 */
@FunctionalInterface
public interface SimulationProgressListener {

    SimulationProgressListener NONE = progress -> {};

    void onProgress(SimulationProgress progress);
}
