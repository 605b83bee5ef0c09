package io.uavstream.cli.bench;

import io.uavstream.evaluation.io.MotChallengeWriter;
import io.uavstream.evaluation.mot.MotConfig;
import io.uavstream.evaluation.mot.MotEvaluator;
import io.uavstream.evaluation.mot.Sequence;
import io.uavstream.tracking.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream bench tracking}: tracking accuracy of the per-drone tracker on simulated flights,
 * without and with camera-motion compensation, from the simulator's noisy detections and the
 * true camera motion of its poses.
 */
@Command(
        name = "tracking",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the tracker (default TrackerConfig) on every drone of a simulated flights directory, once without"
                    + " and once with camera-motion compensation from the true poses, and prints MOTA, IDF1, HOTA"
                    + " and ID switches per drone and combined.",
            "Write the flights with: uavstream simulate --out DIR --noise default"
        })
final class BenchTrackingCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchTrackingCommand.class);

    /** Default of --coast-ms: lost tracks are reported for up to this long after their last match. */
    static final long DEFAULT_COAST_MILLIS = 200;

    /** Default of --min-visibility: ground truth less visible than this is an ignore region. */
    static final double DEFAULT_MIN_VISIBILITY = 0.5;

    @Option(names = "--flights", required = true, paramLabel = "DIR",
            description = "Flights directory written by uavstream simulate; with --noise unless --model is given.")
    private Path flights;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    private Path json;

    @Option(names = "--doc", paramLabel = "FILE",
            description = "Write the results into this Markdown page (for example docs/tracking.md), between"
                    + " markers for the seed; the rest of the page is kept.")
    private Path doc;

    @Option(names = "--predictions", paramLabel = "DIR",
            description = "Directory for the tracker output, DIR/DRONE/tracks/{without,with}-cmc.txt"
                    + " (default: the flights directory).")
    private Path predictions;

    @Option(names = "--coast-ms", defaultValue = "" + DEFAULT_COAST_MILLIS, paramLabel = "MILLISECONDS",
            description = "Report a lost track's predicted box for this long after its last match (default:"
                    + " ${DEFAULT-VALUE}); 0 reports matched tracks only.")
    private long coastMillis;

    @Option(names = "--min-visibility", defaultValue = "" + DEFAULT_MIN_VISIBILITY, paramLabel = "SHARE",
            description = "Ground truth with a smaller visible share is an ignore region: a track on it is neither"
                    + " a hit nor a false positive (default: ${DEFAULT-VALUE}). Every box is also scored with 0.")
    private double minVisibility;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Detect objects in each drone's video.ts with this ONNX model (a .onnx file beside its"
                    + " descriptor, or 'default' for the shipped model) instead of reading det/det.txt.")
    private String detector;

    @Option(names = "--intra-op-threads", defaultValue = "2", paramLabel = "N",
            description = "ONNX Runtime intra-op threads for --model (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Override
    public Integer call() throws Exception {
        if (coastMillis < 0) {
            throw new IllegalArgumentException("--coast-ms must not be negative, got " + coastMillis);
        }
        MotConfig scoring = MotConfig.builder().minVisibility(minVisibility).build();
        DetectionSource source = detector == null
                ? DetectionSource.recorded()
                : DetectionSource.model(detector, intraOpThreads);
        TrackingBenchReport report;
        try (source) {
            report = run(flights, predictions == null ? flights : predictions,
                    TrackerConfig.defaults(), Duration.ofMillis(coastMillis), scoring, source);
        }
        String command = "uavstream bench tracking --flights " + flights + " --coast-ms " + coastMillis
                + " --min-visibility " + minVisibility + (detector == null ? "" : " --model " + detector);
        System.out.println(report.markdownSection(command, MachineDescription.describe()));
        if (json != null) {
            Files.writeString(json, report.toJson());
        }
        if (doc != null) {
            DocSection.write(doc, "bench-tracking seed=" + report.seed() + source.markerSuffix(),
                    report.markdownSection(command, MachineDescription.describe()));
        }
        return 0;
    }

    /**
     * Tracks every drone of {@code flights} without and with camera-motion compensation, writes
     * the tracker output under {@code predictionsRoot} and scores both runs with {@code scoring},
     * and once more with every ground-truth box scored.
     *
     * @param config the tracker config; its camera-motion compensation setting is overridden
     */
    static TrackingBenchReport run(Path flights, Path predictionsRoot, TrackerConfig config, Duration coastTime,
            MotConfig scoring, DetectionSource source) throws IOException {
        TrackerConfig without = config.toBuilder().cameraMotionCompensation(false).build();
        TrackerConfig with = config.toBuilder().cameraMotionCompensation(true).build();
        Map<String, Sequence> groundTruth = new TreeMap<>();
        Map<String, Sequence> predictedWithout = new TreeMap<>();
        Map<String, Sequence> predictedWith = new TreeMap<>();
        List<TrackingBenchReport.Flight> described = new ArrayList<>();
        for (Path directory : FlightRecording.droneDirectories(flights)) {
            FlightRecording flight = source.read(directory);
            TrueCameraMotion motion = TrueCameraMotion.of(flight.intrinsics(), flight.poses());
            if (flight.intrinsics().hasDistortion()) {
                LOG.info("Drone {}: lens distortion; fitted homographies deviate by at most {} px on the grid",
                        flight.droneId(), String.format("%.3f", motion.maxFitResidualPixels()));
            }
            groundTruth.put(flight.droneId(), flight.groundTruth());
            predictedWithout.put(flight.droneId(), track(flight, motion, without, coastTime, predictionsRoot, "without-cmc"));
            predictedWith.put(flight.droneId(), track(flight, motion, with, coastTime, predictionsRoot, "with-cmc"));
            described.add(new TrackingBenchReport.Flight(flight.droneId(), flight.pattern(), flight.altitudeMetres(),
                    flight.offNadirDegrees(), flight.meanRotationDegreesPerSecond(),
                    motion.meanImageMotionPixels(flight.intrinsics().width(), flight.intrinsics().height())));
        }
        MotConfig strict = MotConfig.builder().iouThreshold(scoring.iouThreshold()).build();
        return new TrackingBenchReport(FlightRecording.sceneSeed(flights), with, coastTime.toMillis() + " ms", described,
                new TrackingBenchReport.Scores(scoring, MotEvaluator.evaluate(groundTruth, predictedWithout, scoring),
                        MotEvaluator.evaluate(groundTruth, predictedWith, scoring)),
                new TrackingBenchReport.Scores(strict, MotEvaluator.evaluate(groundTruth, predictedWithout, strict),
                        MotEvaluator.evaluate(groundTruth, predictedWith, strict)));
    }

    private static Sequence track(FlightRecording flight, TrueCameraMotion motion, TrackerConfig config,
            Duration coastTime, Path predictionsRoot, String name) throws IOException {
        TrackerReplay.Result result = TrackerReplay.run(flight, motion, config, coastTime);
        Path directory = predictionsRoot.resolve(flight.droneId()).resolve("tracks");
        Files.createDirectories(directory);
        MotChallengeWriter.write(directory.resolve(name + ".txt"), result.predictions());
        LOG.info("Drone {} {}: {} rows, {} skipped camera warps", flight.droneId(), name,
                result.predictions().size(), result.counters().skippedCameraWarps());
        return result.predictions();
    }
}
