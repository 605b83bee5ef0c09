package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.evaluation.mot.MotConfig;
import io.uavstream.models.DefaultModel;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.FlightPattern;
import io.uavstream.simulator.SimulationConfig;
import io.uavstream.simulator.noise.NoiseProfile;
import io.uavstream.tracking.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the tracking benchmark on a tiny simulated flight: one orbiting drone for 5 s, with the
 * ground truth itself as detections (the "perfect" noise profile).
 */
class BenchTrackingCommandTest {

    @TempDir
    static Path flights;

    @TempDir
    Path output;

    @BeforeAll
    static void simulateFlight() throws Exception {
        SimulationConfig config = SimulationConfig.builder()
                .drones(1)
                .durationSeconds(5)
                .seed(8)
                .patterns(List.of(FlightPattern.ORBIT))
                .noiseProfile(NoiseProfile.load("perfect"))
                .threads(1)
                .build();
        new FleetSimulation(config).runToDirectory(flights, progress -> { });
    }

    @Test
    void groundTruthDetectionsTrackedAlmostPerfectly() throws Exception {
        // Tracks confirmed at their first detection, because with 23 objects in 50 frames the
        // default one-frame confirmation alone would cost 4 % of the boxes.
        TrackerConfig confirmAtOnce = TrackerConfig.defaults().toBuilder().confirmTime(Duration.ZERO).build();

        TrackingBenchReport report = BenchTrackingCommand.run(flights, output, confirmAtOnce,
                Duration.ofMillis(BenchTrackingCommand.DEFAULT_COAST_MILLIS), MotConfig.builder().build(),
                DetectionSource.recorded());

        assertThat(report.combinedWith().clearMot().gtBoxes()).isPositive();
        assertThat(report.combinedWith().clearMot().mota()).isGreaterThan(0.95);
    }

    @Test
    void commandWritesPredictionsJsonAndDoc() throws Exception {
        Path json = output.resolve("tracking.json");
        Path doc = output.resolve("tracking.md");
        Files.writeString(doc, "# Tracking\n\nHand-written text.\n");
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("tracking", "--flights", flights.toString(),
                "--predictions", output.toString(), "--json", json.toString(), "--doc", doc.toString());

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        assertThat(output.resolve("drone-1/tracks/with-cmc.txt")).isNotEmptyFile();
        assertThat(output.resolve("drone-1/tracks/without-cmc.txt")).isNotEmptyFile();
        assertThat(Files.readString(json)).contains("\"seed\" : 8").contains("withCameraMotionCompensation");
        assertThat(Files.readString(doc)).startsWith("# Tracking\n\nHand-written text.\n")
                .contains("<!-- bench-tracking seed=8 -->").contains("| drone-1 | ORBIT |");
    }

    @Test
    void shippedDetectorReplacesRecordedDetections() throws Exception {
        Path doc = output.resolve("tracking.md");
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("tracking", "--flights", flights.toString(), "--model", "default",
                "--intra-op-threads", "1", "--predictions", output.toString(), "--doc", doc.toString());

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        assertThat(Files.readString(doc)).contains("<!-- bench-tracking seed=8 detector=" + DefaultModel.ID + " -->")
                .contains("--model default");
    }

    @Test
    void detectorNeedsNoRecordedDetections() throws Exception {
        Path copy = output.resolve("without-det");
        Files.createDirectories(copy.resolve("drone-1/gt"));
        Files.copy(flights.resolve("scene.json"), copy.resolve("scene.json"));
        for (String file : List.of("flight.json", "intrinsics.json", "poses_tum.txt", "video.ts", "gt/gt.txt")) {
            Files.copy(flights.resolve("drone-1").resolve(file), copy.resolve("drone-1").resolve(file));
        }
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("tracking", "--flights", copy.toString(), "--model", "default",
                "--intra-op-threads", "1");

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
    }

    @Test
    void modelClassNamesMapToVisDroneCategories() {
        assertThat(VideoDetections.visDroneClass("person")).isEqualTo(1);
        assertThat(VideoDetections.visDroneClass("Truck")).isEqualTo(6);
        assertThat(VideoDetections.visDroneClass("traffic light")).isEqualTo(-1);
    }

    @Test
    void trackingVideoDrawsRequestedFrames() throws Exception {
        Path pictures = output.resolve("pictures");
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute("tracking-video", "--video", flights.resolve("drone-1/video.ts").toString(),
                "--intra-op-threads", "1", "--pictures", pictures.toString(), "--at", "1,2.5");

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        assertThat(pictures.resolve("frame-001.0s.png")).isNotEmptyFile();
        assertThat(pictures.resolve("frame-002.5s.png")).isNotEmptyFile();
    }

    @Test
    void videoFramesStopWhenConsumerDeclines() {
        int[] offered = {0};

        VideoFrames.forEach(flights.resolve("drone-1/video.ts"), frame -> ++offered[0] < 3);

        assertThat(offered[0]).isEqualTo(3);
    }

    @Test
    void inferenceLoopTimesRequestedFrames() {
        InferenceLoop.Result result = InferenceLoop.run(flights.resolve("drone-1/video.ts"), DefaultModel.extract(), 1, 10);

        assertThat(result.frames()).isEqualTo(10);
    }
}
