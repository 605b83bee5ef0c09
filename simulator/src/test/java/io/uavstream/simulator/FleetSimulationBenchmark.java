package io.uavstream.simulator;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures how long a fleet flight takes to render, encode and write; a benchmark, not a test.
 *
 * <pre>{@code
 * mvn -o -q -B -pl simulator install -DskipTests
 * mvn -o -q -B -pl simulator exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.uavstream.simulator.FleetSimulationBenchmark -Dexec.args="OUT_DIR DRONES SECONDS FPS"
 * }</pre>
 *
 * Arguments default to {@code target/benchmark 4 60 10}: four drones, 60 s of flight at the default 10 fps and 640x480.
 */
public final class FleetSimulationBenchmark {

    private FleetSimulationBenchmark() {}

    public static void main(String[] args) {
        Path output = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        int drones = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        int fps = args.length > 3 ? Integer.parseInt(args[3]) : SimulationConfig.DEFAULT_FPS;
        SimulationConfig config = SimulationConfig.builder()
                .drones(drones).durationSeconds(seconds).fps(fps).seed(2024).build();

        SimulationSummary summary = new FleetSimulation(config).runToDirectory(output);

        double wall = summary.elapsed().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%d drones x %.0f s at %d fps, %dx%d, %d threads: %d frames in %.1f s wall "
                + "(%.1f frames/s, %.2f x real time)%n", drones, seconds, fps, config.width(), config.height(), config.threads(),
                summary.totalFrames(), wall, summary.totalFrames() / wall, seconds / wall);
    }
}
