package io.uavstream.cli.embedded;

import io.uavstream.ingest.IngestProgressListener;
import io.uavstream.ingest.IngestResult;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.LiveRunSummary;
import io.uavstream.simulator.SimulationConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated drone fleet, rendered into {@code workDirectory} and then published live at
 * real-time rate, one ingest session per drone, each access unit with its frame's telemetry.
 */
final class FleetInput implements VideoInput {

    private static final Logger LOG = LoggerFactory.getLogger(FleetInput.class);

    private final SimulationConfig config;
    private final Path workDirectory;
    private final FleetSimulation simulation;

    FleetInput(SimulationConfig config, Path workDirectory) {
        this.config = config;
        this.workDirectory = workDirectory;
        this.simulation = new FleetSimulation(config);
    }

    @Override
    public String description() {
        return String.format("simulated fleet of %d drones, %.0f s, seed %d",
                config.drones(), config.durationSeconds(), config.seed());
    }

    /** Has nothing to check: the configuration was validated when it was built. */
    @Override
    public void check() {}

    /**
     * Writes the fleet's camera model as {@code intrinsics.json} into the work directory and
     * returns its path, so that the job's visual odometry can use it before any flight is rendered.
     */
    Path writeIntrinsics() {
        return simulation.writeIntrinsics(workDirectory);
    }

    @Override
    public Set<String> droneIds() {
        Set<String> ids = new TreeSet<>();
        simulation.plans().forEach(plan -> ids.add(plan.droneId()));
        return ids;
    }

    @Override
    public IngestResult publish(String bootstrapServers, String topic, IngestProgressListener progress) {
        LOG.info("No video given: rendering and publishing a {}", description());
        // NOTE: the simulator renders every flight before it publishes, so progress starts late.
        LiveRunSummary summary = simulation.runLive(bootstrapServers, topic, workDirectory, ignored -> {});
        return total(summary.publishing().values());
    }

    @Override
    public void stop() {
        simulation.stop();
    }

    private static IngestResult total(Collection<IngestResult> results) {
        long sessions = 0;
        long packets = 0;
        long bytes = 0;
        long errors = 0;
        Duration media = Duration.ZERO;
        IngestResult.Ending ending = IngestResult.Ending.END_OF_STREAM;
        for (IngestResult result : results) {
            sessions += result.sessions();
            packets += result.packets();
            bytes += result.bytes();
            errors += result.errors();
            media = media.plus(result.mediaDuration());
            if (result.ending() != IngestResult.Ending.END_OF_STREAM) {
                ending = result.ending();
            }
        }
        return new IngestResult(sessions, packets, bytes, errors, media, ending);
    }
}
