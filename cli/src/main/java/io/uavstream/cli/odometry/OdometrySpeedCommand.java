package io.uavstream.cli.odometry;

import io.uavstream.odometry.GreyImage;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.odometry.OdometrySnapshot;
import io.uavstream.odometry.OdometrySnapshotSerializer;
import io.uavstream.odometry.Telemetry;
import io.uavstream.odometry.VisualOdometry;
import io.uavstream.odometry.VisualOdometryFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_core;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream odometry speed}: the odometry's cost per frame on one core. Decodes a simulated
 * nadir survey into memory first, so that decoding is not measured, then runs the odometry over it
 * several times on one thread with OpenCV limited to that thread.
 */
@Command(
        name = "speed",
        mixinStandardHelpOptions = true,
        description = "Measures the visual odometry's time per frame on one thread over a simulated 640x480 nadir"
                + " survey at 80 m (decoded into memory first) and prints wall-clock and thread CPU time per frame.")
public final class OdometrySpeedCommand implements Callable<Integer> {

    @Option(names = "--work", defaultValue = "flights/odometry", paramLabel = "DIR",
            description = "Directory for the simulated flight, shared with odometry bench (default: ${DEFAULT-VALUE}).")
    Path workDirectory;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Flight duration in seconds if it must be simulated (default: ${DEFAULT-VALUE}).")
    double durationSeconds;

    @Option(names = "--passes", defaultValue = "3", description = "Runs over the flight; the first warms up and is"
            + " not counted (default: ${DEFAULT-VALUE}).")
    int passes;

    @Override
    public Integer call() throws Exception {
        if (passes < 2) {
            throw new IllegalArgumentException("--passes must be at least 2, because the first pass is a warm-up; got " + passes);
        }
        opencv_core.setNumThreads(1);
        OdometryBenchRunner runner = new OdometryBenchRunner(workDirectory, durationSeconds, 1, OdometryConfig.defaults());
        SimulatedFlight flight = SimulatedFlight.read(runner.simulate(OdometryScenario.LAWNMOWER_NADIR));
        List<GreyImage> frames = new ArrayList<>();
        try (GreyVideoReader video = new GreyVideoReader(flight.video())) {
            for (GreyImage image = video.next(); image != null; image = video.next()) {
                frames.add(image);
            }
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[(passes - 1) * frames.size()];
        double[] cpu = new double[wall.length];
        int sample = 0;
        int stateBytes = 0;
        for (int pass = 0; pass < passes; pass++) {
            VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), flight.camera());
            for (int i = 0; i < frames.size(); i++) {
                Telemetry telemetry = Telemetry.ofHeight(flight.telemetry().get(i)[0]);
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                odometry.process(i * 100_000L, frames.get(i), telemetry);
                if (pass > 0) {
                    wall[sample] = (System.nanoTime() - wallStart) / 1e6;
                    cpu[sample] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    sample++;
                }
            }
            stateBytes = serializedSize(odometry.snapshot());
        }
        System.out.printf("%d frames of %dx%d, %d passes counted%n", frames.size(), flight.camera().width(),
                flight.camera().height(), passes - 1);
        System.out.printf("wall ms per frame: mean %.2f, median %.2f, p95 %.2f%n", OdometryBenchCommand.mean(wall),
                OdometryBenchCommand.percentile(wall, 0.5), OdometryBenchCommand.percentile(wall, 0.95));
        System.out.printf("thread CPU ms per frame: mean %.2f, median %.2f, p95 %.2f%n", OdometryBenchCommand.mean(cpu),
                OdometryBenchCommand.percentile(cpu, 0.5), OdometryBenchCommand.percentile(cpu, 0.95));
        System.out.printf("serialized state after the last frame: %.1f KB%n", stateBytes / 1000.0);
        return 0;
    }

    private static int serializedSize(OdometrySnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OdometrySnapshotSerializer.write(snapshot, new DataOutputStream(bytes));
        return bytes.size();
    }
}
