package io.uavstream.cli.replay;

import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.models.DefaultModel;
import io.uavstream.schemas.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--model", paramLabel = "DESCRIPTOR",
            description = "Model descriptor (.json) or ONNX file. Default: the shipped uavdet-416 detector.")
    private Path model;

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
        ReplayOptions options = options(model != null ? model : DefaultModel.extract(),
                speed == null ? ReplayOptions.MAX_SPEED : parseSpeed(speed));
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
        double pace = speed == null ? 1.0 : parseSpeed(speed);
        // The model is not opened when republishing; the options only need a path.
        ReplayOptions options = options(Path.of("unused"), pace);
        long published = new FlightRepublisher(options, republishAs, Clock.systemUTC()).run();
        System.out.printf("uavstream replay: republished %d packets of %s as drone %s into %s%n", published,
                options.range().droneIds().iterator().next(), republishAs, options.videoTopic());
        return 0;
    }

    private ReplayOptions options(Path modelPath, double pace) {
        Set<String> droneIds = drones == null ? Set.of() : new LinkedHashSet<>(drones);
        ReplayRange range = new ReplayRange(ReplayRange.parseCaptureTime(from, "--from"),
                ReplayRange.parseCaptureTime(to, "--to"), droneIds);
        ReplayOptions.Builder options = ReplayOptions.builder()
                .bootstrapServers(bootstrapServers)
                .videoTopic(videoTopic)
                .range(range)
                .modelPath(modelPath)
                .speed(pace)
                .detectionsTopic(detectionsTopic)
                .trackEventsTopic(trackEventsTopic)
                .deadLetterTopic(deadLetterTopic)
                .seekMargin(Duration.ofSeconds(seekMarginSeconds))
                .parallelism(parallelism);
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

    /** Parses {@code max} or a positive factor of the recorded pace. */
    static double parseSpeed(String value) {
        if ("max".equalsIgnoreCase(value.trim())) {
            return ReplayOptions.MAX_SPEED;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("--speed must be max or a positive number, got " + value);
            }
            return factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be max or a positive number such as 1.0, got " + value, e);
        }
    }
}
