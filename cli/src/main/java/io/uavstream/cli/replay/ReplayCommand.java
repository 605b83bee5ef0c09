package io.uavstream.cli.replay;

import io.uavstream.cli.AnalyticsTimingOptions;
import io.uavstream.job.ModelPreflight;
import io.uavstream.job.replay.ReplayArgs;
import io.uavstream.job.replay.ReplayIds;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.models.ModelReference;
import io.uavstream.schemas.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uavstream replay}: analyses a capture-time range of the recorded video topic again, as a
 * bounded Flink job on a MiniCluster in this JVM; compares two models on it; or republishes one
 * drone's recorded flight into the live topic.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay recorded video from Kafka between two capture times: every frame is analysed, the events"
                    + " carry a replay ID and the model ID, and the job stops by itself at the range's end.",
            "With --compare-model, replay the range with two models and print a side-by-side summary.",
            "With --republish-as, publish one drone's recorded flight again into the live video topic."})
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers of the recording.")
    private String bootstrapServers;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "First capture time: ISO-8601 with offset (2026-12-04T10:15:30Z) or UTC epoch microseconds.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "TIME",
            description = "Last capture time, inclusive, in the same forms as --from.")
    private String to;

    @Option(names = "--drones", split = ",", paramLabel = "D1,D2",
            description = "Drone IDs to replay (default: every drone in the range).")
    private List<String> drones;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Bundled model ID, or model descriptor (.json) or ONNX file."
                    + " Default: the first bundled model (uavdet-416-pruned in this release).")
    private String model;

    @Option(names = "--compare-model", paramLabel = "DESCRIPTOR",
            description = "Second model: replay the range with both and compare them, --model as the reference.")
    private Path compareModel;

    @Option(names = "--speed", paramLabel = "FACTOR|max",
            description = "Pace as a multiple of the recorded pace (1.0 = as recorded), or max"
                    + " (default: max; 1.0 with --republish-as).")
    private String speed;

    @Option(names = "--video-topic", defaultValue = Topics.VIDEO,
            description = "Topic of the recorded video (default: ${DEFAULT-VALUE}).")
    private String videoTopic;

    @Option(names = "--output-topic", defaultValue = ReplayOptions.DEFAULT_DETECTIONS_TOPIC, paramLabel = "TOPIC",
            description = "Topic of the replayed detections (default: ${DEFAULT-VALUE}).")
    private String detectionsTopic;

    @Option(names = "--track-events-topic", defaultValue = ReplayOptions.DEFAULT_TRACK_EVENTS_TOPIC,
            description = "Topic of the replayed track events (default: ${DEFAULT-VALUE}).")
    private String trackEventsTopic;

    @Option(names = "--dead-letter-topic", defaultValue = ReplayOptions.DEFAULT_DEAD_LETTER_TOPIC,
            description = "Topic of the video records the replay could not decode (default: ${DEFAULT-VALUE}).")
    private String deadLetterTopic;

    @Option(names = "--analytics-events-topic", defaultValue = ReplayOptions.DEFAULT_ANALYTICS_EVENTS_TOPIC,
            paramLabel = "TOPIC", description = "Topic of the replayed zone, line and count events (default: ${DEFAULT-VALUE}).")
    private String analyticsEventsTopic;

    @Option(names = "--zones", paramLabel = "FILE",
            description = "Zones and lines (control JSON or GeoJSON, as for uavstream run --zones) in force for the whole"
                    + " replay. Default: each drone's latest definitions on --control-topic when the replay starts.")
    private Path zones;

    @Option(names = "--control-topic", defaultValue = Topics.ANALYTICS_CONTROL, paramLabel = "TOPIC",
            description = "Analytics control topic whose latest definitions apply without --zones (default: ${DEFAULT-VALUE}).")
    private String controlTopic;

    @Option(names = "--no-analytics", description = "Run no zone, line and count analytics.")
    private boolean noAnalytics;

    @Mixin
    private AnalyticsTimingOptions analyticsTiming;

    @Option(names = "--output", paramLabel = "DIR", description = "Also write the events as JSON lines into DIR.")
    private Path outputDirectory;

    @Option(names = "--replay-id", paramLabel = "ID",
            description = "Replay ID of the events (default: derived from the topic, range, drones and model file).")
    private String replayId;

    @Option(names = "--seek-margin", defaultValue = "300", paramLabel = "SECONDS",
            description = "Largest difference between a video record's Kafka timestamp and its capture time"
                    + " (default: ${DEFAULT-VALUE}).")
    private long seekMarginSeconds;

    @Option(names = "--republish-as", paramLabel = "DRONE",
            description = "Publish the one drone of --drones again into --video-topic as DRONE, captured from now on,"
                    + " at the recorded pace divided by --speed (here the default speed is 1.0).")
    private String republishAs;

    @Option(names = "--jobmanager", paramLabel = "URL",
            description = "Run the replay on this Flink session cluster (REST address, e.g. http://localhost:8081)"
                    + " instead of a MiniCluster. A --model file must exist on the JobManager and every TaskManager;"
                    + " a bundled model ID needs no file.")
    private URI jobManager;

    @Option(names = "--jar", paramLabel = "PATH",
            description = "Job jar to upload with --jobmanager (default: job/target/uavstream-job-*-job-thin.jar"
                    + " under the working directory).")
    private Path jar;

    @Option(names = "--timeout", defaultValue = "3600", paramLabel = "SECONDS",
            description = "With --jobmanager, how long to wait for the replay job to end (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--parallelism", defaultValue = "1", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--intra-op-threads", defaultValue = "0",
            description = "ONNX Runtime intra-op threads per slot; 0 divides the cores among the slots (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Override
    public Integer call() throws Exception {
        if (republishAs != null) {
            return republish();
        }
        if (jobManager != null && compareModel != null) {
            throw new IllegalArgumentException("--jobmanager runs one model: drop --compare-model");
        }
        ModelReference reference = model != null ? ModelReference.parse(model) : ModelReference.defaultModel();
        if (!reference.isBundled()) {
            // A relative path names a file on this machine; the cluster needs the absolute path.
            reference = ModelReference.file(Path.of(model).toAbsolutePath().normalize());
        }
        ReplayOptions options = options(reference, speed == null ? ReplayOptions.MAX_SPEED : ReplayArgs.speed(speed));
        if (jobManager != null) {
            return runOnCluster(options);
        }
        if (compareModel != null) {
            ModelComparison.run(options, compareModel).print(System.out);
        } else {
            ReplayRunner.run(options).print(System.out);
        }
        return 0;
    }

    private int republish() throws InterruptedException {
        if (compareModel != null || model != null) {
            throw new IllegalArgumentException("--republish-as publishes video and analyses none: drop --model"
                    + " and --compare-model");
        }
        double pace = speed == null ? 1.0 : ReplayArgs.speed(speed);
        // The model is not opened when republishing; the options only need a path.
        ReplayOptions options = options(ModelReference.defaultModel(), pace);
        long published = new FlightRepublisher(options, republishAs, Clock.systemUTC()).run();
        System.out.printf("uavstream replay: republished %d packets of %s as drone %s into %s%n", published,
                options.range().droneIds().iterator().next(), republishAs, options.videoTopic());
        return 0;
    }

    private ReplayOptions options(ModelReference reference, double pace) {
        Set<String> droneIds = drones == null ? Set.of() : new LinkedHashSet<>(drones);
        ReplayRange range = new ReplayRange(ReplayRange.parseCaptureTime(from, "--from"),
                ReplayRange.parseCaptureTime(to, "--to"), droneIds);
        ReplayOptions.Builder options = ReplayOptions.builder()
                .bootstrapServers(bootstrapServers)
                .videoTopic(videoTopic)
                .range(range)
                .model(reference)
                .speed(pace)
                .detectionsTopic(detectionsTopic)
                .trackEventsTopic(trackEventsTopic)
                .deadLetterTopic(deadLetterTopic)
                .analyticsEventsTopic(analyticsEventsTopic)
                .analytics(!noAnalytics)
                .zonesFile(zones)
                .controlTopic(controlTopic)
                .seekMargin(Duration.ofSeconds(seekMarginSeconds))
                .parallelism(parallelism);
        analyticsTiming.countWindow().ifPresent(options::countWindow);
        analyticsTiming.zoneExitDelay().ifPresent(options::zoneExitDelay);
        if (outputDirectory != null) {
            options.outputDirectory(outputDirectory);
        }
        if (replayId != null) {
            options.replayId(replayId);
        }
        if (intraOpThreads > 0) {
            options.intraOpThreads(intraOpThreads);
        }
        return options.build();
    }

    private int runOnCluster(ReplayOptions options) throws Exception {
        ReplayOptions withId = options;
        if (options.replayId().isEmpty()) {
            if (!options.model().isBundled() && !java.nio.file.Files.isRegularFile(Path.of(options.model().toString()))) {
                throw new IllegalArgumentException("--model " + options.model() + " is not on this machine, so"
                        + " the replay ID cannot be derived here: pass --replay-id");
            }
            // The client derives the ID from its copy of the model, so that it can print the ID.
            withId = options.toBuilder()
                    .replayId(ReplayIds.derive(options, ModelPreflight.check(options.model()).id()))
                    .build();
        }
        ClusterReplay cluster = new ClusterReplay(jobManager, jobJar());
        String jobId = cluster.submit(withId);
        System.out.printf("uavstream replay %s: job %s on %s%n", withId.replayId().get(), jobId, jobManager);
        String state = cluster.awaitEnd(jobId, Duration.ofSeconds(timeoutSeconds));
        System.out.printf("uavstream replay %s: job %s %s%n", withId.replayId().get(), jobId, state);
        return "FINISHED".equals(state) ? 0 : 1;
    }

    private Path jobJar() throws java.io.IOException {
        if (jar != null) {
            return jar;
        }
        Path target = Path.of("job", "target");
        if (java.nio.file.Files.isDirectory(target)) {
            try (var files = java.nio.file.Files.list(target)) {
                java.util.Optional<Path> thin = files
                        .filter(file -> file.getFileName().toString().endsWith("-job-thin.jar"))
                        .findFirst();
                if (thin.isPresent()) {
                    return thin.get();
                }
            }
        }
        throw new IllegalArgumentException("No job jar found in job/target under " + Path.of("").toAbsolutePath()
                + "; pass --jar PATH");
    }
}
