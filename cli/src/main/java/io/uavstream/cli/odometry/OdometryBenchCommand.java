package io.uavstream.cli.odometry;

import io.uavstream.odometry.OdometryConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_core;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream odometry bench}: flies the benchmark scenarios in the simulator and prints the
 * odometry's ATE, RPE, ground projection error and time per frame as a Markdown table.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Simulates lawnmower (nadir and 30 degrees oblique), orbit and hover flights at 80 m, runs the visual"
                    + " odometry over their video on one OpenCV thread, and prints ATE, RPE over 1 s, ground projection"
                    + " error and time per frame. Flights already in the work directory are reused."
        })
public final class OdometryBenchCommand implements Callable<Integer> {

    @Option(names = "--work", defaultValue = "flights/odometry", paramLabel = "DIR",
            description = "Directory for the simulated flights (default: ${DEFAULT-VALUE}).")
    Path workDirectory;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Flight duration in seconds (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenarios", split = ",", paramLabel = "SCENARIO",
            description = "Scenarios to run, by default all: ${COMPLETION-CANDIDATES}.")
    List<OdometryScenario> scenarios;

    @Override
    public Integer call() throws Exception {
        opencv_core.setNumThreads(1);
        OdometryBenchRunner runner = new OdometryBenchRunner(workDirectory, durationSeconds, seed, OdometryConfig.defaults());
        List<ScenarioResult> results = new ArrayList<>();
        for (OdometryScenario scenario : scenarios == null ? List.of(OdometryScenario.values()) : scenarios) {
            results.add(runner.run(scenario));
        }
        print(results, System.out);
        return 0;
    }

    static void print(List<ScenarioResult> results, PrintStream out) {
        out.println("| scenario | frames (OK, LOST) | first OK (s) | H / E frames | distance (m) | ATE RMSE (m) | ATE / distance"
                + " | scale | RPE 1 s (m, deg) | ground error mean / p95 / max (m) | ms per frame mean / p95 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (ScenarioResult r : results) {
            out.printf("| %s | %d (%d, %d) | %.1f | %d / %d | %.0f | %.2f | %.2f %% | %.3f | %.3f, %.3f | %s | %.1f / %.1f |%n",
                    r.scenario().name().toLowerCase(), r.frames(), r.okFrames(), r.lostFrames(), r.firstOkSeconds(),
                    r.homographyFrames(), r.essentialFrames(), r.distanceFlownMetres(), r.ateRmseMetres(),
                    r.atePercentOfDistance(), r.alignmentScale(), r.rpeTranslationRmseMetres(),
                    r.rpeRotationRmseDegrees(), projection(r.projectionErrors()), mean(r.millisPerFrame()),
                    percentile(r.millisPerFrame(), 0.95));
        }
    }

    private static String projection(double[] errors) {
        if (errors.length == 0) {
            return "-";
        }
        return String.format("%.2f / %.2f / %.2f (%d)", mean(errors), percentile(errors, 0.95),
                percentile(errors, 1.0), errors.length);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double percentile(double[] values, double share) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(share * (sorted.length - 1)))];
    }
}
