package io.uavstream.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Outputs of a run.
 *
 * @param outputDirectory the run's root directory
 * @param seed the run's seed
 * @param drones one summary per drone, in fleet order
 * @param elapsed wall-clock time of the run, scene generation included
 * @param stopped whether {@link FleetSimulation#stop()} ended the run early
 */
public record SimulationSummary(Path outputDirectory, long seed, List<DroneSummary> drones, Duration elapsed, boolean stopped) {

    public SimulationSummary {
        drones = List.copyOf(drones);
    }

    /** Returns the total number of frames over all drones. */
    public long totalFrames() {
        return drones.stream().mapToLong(DroneSummary::frames).sum();
    }
}
