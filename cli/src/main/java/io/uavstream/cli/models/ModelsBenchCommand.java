package io.uavstream.cli.models;

import io.uavstream.evaluation.detection.DetectionResult;
import io.uavstream.models.BgrImage;
import io.uavstream.models.onnx.ModelInspection;
import io.uavstream.models.onnx.ModelInspector;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.SimulationConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uavstream models bench MODEL...}: size, cost, speed and accuracy of models in one table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure models side by side and print one Markdown table: file size, parameters, GFLOPs,"
                + " detect() latency at each intra-op thread count, AP50 on a simulated flight, and agreement with a"
                + " teacher detector on real frames.")
final class ModelsBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelsBenchCommand.class);

    /** Seed, drones and seconds of the flight simulated when --sim is not given. */
    static final long DEFAULT_FLIGHT_SEED = 101;
    static final int DEFAULT_FLIGHT_DRONES = 2;
    static final double DEFAULT_FLIGHT_SECONDS = 20;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Models: .onnx files with a descriptor, or descriptors.")
    private List<Path> modelPaths;

    @Option(names = "--sim", paramLabel = "DIR",
            description = "Simulated flight with ground truth (the --out folder of uavstream simulate). Default: a flight"
                    + " of " + DEFAULT_FLIGHT_DRONES + " drones, " + DEFAULT_FLIGHT_SECONDS + " s, seed "
                    + DEFAULT_FLIGHT_SEED + ", simulated into a temporary folder.")
    private Path flight;

    @Option(names = "--every", defaultValue = "5", paramLabel = "N",
            description = "Evaluate every N-th frame of the simulated flight (default: ${DEFAULT-VALUE}).")
    private int every;

    @Option(names = "--teacher", paramLabel = "MODEL",
            description = "Teacher detector whose boxes with score >= 0.5 the models should find on --real-video.")
    private Path teacher;

    @Option(names = "--real-video", paramLabel = "FILE", description = "Real video for the teacher agreement.")
    private Path realVideo;

    @Option(names = "--real-every", defaultValue = "10", paramLabel = "N",
            description = "Use every N-th frame of --real-video (default: ${DEFAULT-VALUE}).")
    private int realEvery;

    @Option(names = "--real-frames", defaultValue = "400", paramLabel = "N",
            description = "Use only the first N frames of --real-video, the held-out part (default: ${DEFAULT-VALUE}).")
    private int realFrames;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", paramLabel = "N",
            description = "Intra-op thread counts to time (default: ${DEFAULT-VALUE}).")
    private List<Integer> threads;

    @Option(names = "--rounds", defaultValue = "7", paramLabel = "N",
            description = "Latency rounds; each model's latency is its median over rounds (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--calls", defaultValue = "20", paramLabel = "N",
            description = "Timed detect() calls per model per round (default: ${DEFAULT-VALUE}).")
    private int calls;

    @Override
    public Integer call() throws Exception {
        List<BenchModel> models = new ArrayList<>();
        for (Path path : modelPaths) {
            models.add(BenchModel.of(path));
        }
        if ((teacher == null) != (realVideo == null)) {
            throw new IllegalArgumentException("--teacher and --real-video go together; give both or neither");
        }
        Path flightDirectory = flight != null ? flight : simulateDefaultFlight();
        String loadBefore = HostDescription.loadAverage();

        List<ModelInspection> inspections = new ArrayList<>();
        for (BenchModel model : models) {
            inspections.add(ModelInspector.inspect(model.modelPath()));
        }
        BgrImage frame = firstFrame(flightDirectory);
        List<LatencyBench.Result> latencies = new ArrayList<>();
        for (int count : threads) {
            LOG.info("Timing {} models at {} intra-op threads", models.size(), count);
            latencies.add(LatencyBench.measure(models, frame, count, new LatencyBench.Settings(10, rounds, calls)));
        }
        LOG.info("Evaluating AP50 on {}", flightDirectory);
        List<DetectionResult> accuracy = SimulatorAccuracy.evaluate(models, flightDirectory, every);
        List<TeacherAgreement.Result> agreement = teacher == null ? null
                : TeacherAgreement.measure(BenchModel.of(teacher), models, realVideo, realEvery, realFrames);

        BenchTable table = new BenchTable(models, inspections, threads, latencies, accuracy, agreement,
                teacher == null ? null : BenchModel.of(teacher).label());
        PrintWriter out = spec.commandLine().getOut();
        out.println(table.render());
        out.printf(Locale.ROOT, "Machine: %s; load average before %s, after %s%n", HostDescription.describe(), loadBefore,
                HostDescription.loadAverage());
        out.printf(Locale.ROOT, "Latency: detect() on the first %s frame (%dx%d), %d rounds of %d calls, median of"
                + " round means; CPU time is that of the calling thread, which runs all kernels at 1 thread. AP50: %s, every %d-th frame, VisDrone classes %s, score >= %.2f, objects with"
                + " visibility < %.2f ignored.%n", flightDirectory.getFileName(), frame.width(), frame.height(), rounds,
                calls, flightDirectory, every, VisDroneClasses.EVALUATED, SimulatorAccuracy.SCORE_THRESHOLD,
                SimulatorAccuracy.MIN_VISIBILITY);
        if (teacher != null) {
            out.printf(Locale.ROOT, "Agreement: %s frames 0-%d, every %d-th; teacher boxes with score >= %.1f matched"
                    + " at IoU %.1f with the same class.%n", realVideo.getFileName(), realFrames - 1, realEvery,
                    TeacherAgreement.TEACHER_SCORE, TeacherAgreement.MATCH_IOU);
        }
        out.flush();
        return 0;
    }

    private static Path simulateDefaultFlight() throws java.io.IOException {
        Path directory = Files.createTempDirectory("uavstream-bench-flight-");
        LOG.info("Simulating the default test flight (seed {}, {} drones, {} s) into {}", DEFAULT_FLIGHT_SEED,
                DEFAULT_FLIGHT_DRONES, DEFAULT_FLIGHT_SECONDS, directory);
        SimulationConfig config = SimulationConfig.builder().drones(DEFAULT_FLIGHT_DRONES)
                .durationSeconds(DEFAULT_FLIGHT_SECONDS).seed(DEFAULT_FLIGHT_SEED).build();
        new FleetSimulation(config).runToDirectory(directory);
        return directory;
    }

    private static BgrImage firstFrame(Path flightDirectory) throws java.io.IOException {
        try (var entries = Files.list(flightDirectory)) {
            Path video = entries.map(d -> d.resolve("video.ts")).filter(Files::isRegularFile).sorted().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No drone-N/video.ts in " + flightDirectory));
            BgrImage[] first = new BgrImage[1];
            VideoFrames.forEach(video, 1, 1, (index, image) -> first[0] = image);
            if (first[0] == null) {
                throw new IllegalArgumentException("Could not decode a frame of " + video);
            }
            return first[0];
        }
    }
}
