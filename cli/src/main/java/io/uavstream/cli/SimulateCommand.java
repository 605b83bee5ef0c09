package io.uavstream.cli;

import io.uavstream.schemas.Topics;
import io.uavstream.simulator.DroneSummary;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.FlightPattern;
import io.uavstream.simulator.LiveRunSummary;
import io.uavstream.simulator.SimulationConfig;
import io.uavstream.simulator.SimulationProgress;
import io.uavstream.simulator.SimulationProgressListener;
import io.uavstream.simulator.SimulationSummary;
import io.uavstream.simulator.noise.NoiseProfile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uavstream simulate}: renders simulated drone flights with exact ground truth. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Renders a simulated drone fleet over a procedural scene: H.264 video in MPEG-TS, telemetry, and ground"
                    + " truth (MOTChallenge tracks, TUM camera poses, intrinsics, object positions).",
            "With --out the flights are written to a directory (docs/simulator.md lists the files); with"
                    + " --bootstrap the drones publish live into Kafka at real-time rate."
        })
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--drones", defaultValue = "4", description = "Number of drones (default: ${DEFAULT-VALUE}).")
    private int drones;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Flight duration in seconds (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scene, traffic and flights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @ArgGroup(multiplicity = "1")
    private Target target;

    @Option(names = "--topic", defaultValue = Topics.VIDEO, description = "Video topic with --bootstrap (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--fps", defaultValue = "" + SimulationConfig.DEFAULT_FPS,
            description = "Frames per second, 10 to 30 (default: ${DEFAULT-VALUE}).")
    private int fps;

    @Option(names = "--size", defaultValue = SimulationConfig.DEFAULT_WIDTH + "x" + SimulationConfig.DEFAULT_HEIGHT,
            paramLabel = "WIDTHxHEIGHT", description = "Frame size, 640x480 to 1280x720 (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--patterns", split = ",", paramLabel = "PATTERN",
            description = "Flight patterns assigned to the drones in turn: HOVER, LAWNMOWER, ORBIT, TRANSIT.")
    private List<FlightPattern> patterns;

    @Option(names = "--noise", paramLabel = "PROFILE",
            description = "Also write noisy detections from the ground truth with this profile: default, perfect, noisy, or a JSON file.")
    private String noiseProfile;

    static final class Target {
        @Option(names = "--out", paramLabel = "DIR", description = "Write the flights to this directory.")
        Path outputDirectory;

        @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Publish the flights live to this Kafka cluster.")
        String bootstrapServers;
    }

    @Override
    public Integer call() throws Exception {
        FleetSimulation simulation = new FleetSimulation(config());
        Runtime.getRuntime().addShutdownHook(new Thread(simulation::stop, "uavstream-simulate-shutdown"));
        ProgressLine progress = new ProgressLine(System.err, System.console() != null);
        if (target.outputDirectory != null) {
            SimulationSummary summary = simulation.runToDirectory(target.outputDirectory, progress);
            progress.finish();
            print(summary, System.out);
            return summary.stopped() ? ErrorReporter.EXIT_FAILED : 0;
        }
        Path output = Files.createTempDirectory("uavstream-simulate-");
        LiveRunSummary summary = simulation.runLive(target.bootstrapServers, topic, output, progress);
        progress.finish();
        print(summary.rendering(), System.out);
        summary.publishing().forEach((drone, result) -> System.out.printf(
                "  %s published %,d access units (%s)%n", drone, result.packets(), result.ending()));
        return summary.rendering().stopped() ? ErrorReporter.EXIT_FAILED : 0;
    }

    private SimulationConfig config() {
        String[] dimensions = size.toLowerCase().split("x");
        if (dimensions.length != 2) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, for example 640x480; got " + size);
        }
        SimulationConfig.Builder config = SimulationConfig.builder()
                .drones(drones)
                .durationSeconds(durationSeconds)
                .seed(seed)
                .fps(fps)
                .frameSize(Integer.parseInt(dimensions[0].trim()), Integer.parseInt(dimensions[1].trim()));
        if (patterns != null) {
            config.patterns(patterns);
        }
        if (noiseProfile != null) {
            config.noiseProfile(NoiseProfile.load(noiseProfile));
        }
        return config.build();
    }

    private static void print(SimulationSummary summary, PrintStream out) {
        out.printf("Simulated %d drone(s), %,d frames in %.1f s (seed %d) into %s%n", summary.drones().size(),
                summary.totalFrames(), summary.elapsed().toMillis() / 1000.0, summary.seed(), summary.outputDirectory());
        for (DroneSummary drone : summary.drones()) {
            out.printf("  %-10s %-9s %,5d frames  %,6d ground-truth boxes  %,4d objects  %.1f MB video (%s)%n",
                    drone.droneId(), drone.plan().pattern(), drone.frames(), drone.groundTruthRecords(),
                    drone.distinctObjects(), drone.videoBytes() / 1e6, drone.encoder());
        }
    }

    /** Draws the fleet's rendering progress on one terminal line. */
    private static final class ProgressLine implements SimulationProgressListener {
        private final PrintStream out;
        private final boolean enabled;
        private final Map<String, SimulationProgress> latest = new ConcurrentHashMap<>();
        private volatile long lastDrawNanos;

        ProgressLine(PrintStream out, boolean enabled) {
            this.out = out;
            this.enabled = enabled;
        }

        @Override
        public void onProgress(SimulationProgress progress) {
            latest.put(progress.droneId(), progress);
            long now = System.nanoTime();
            if (enabled && now - lastDrawNanos > 200_000_000L) {
                lastDrawNanos = now;
                out.print("\rsimulate: " + render());
                out.flush();
            }
        }

        void finish() {
            if (enabled && !latest.isEmpty()) {
                out.println("\rsimulate: " + render());
            }
        }

        private String render() {
            long done = latest.values().stream().mapToLong(SimulationProgress::framesDone).sum();
            long total = latest.values().stream().mapToLong(SimulationProgress::totalFrames).sum();
            return String.format("%,d of %,d frames rendered (%d drones)", done, total, latest.size());
        }
    }
}
