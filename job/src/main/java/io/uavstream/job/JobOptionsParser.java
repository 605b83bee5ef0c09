package io.uavstream.job;

import io.uavstream.models.BundledModels;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelReference;
import io.uavstream.operators.AnalysisConfig;
import io.uavstream.schemas.Topics;
import io.uavstream.video.PacketDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * Parses {@code --option value} arguments into {@link JobOptions} with Flink's
 * {@link ParameterTool}, which runs unchanged under {@code flink run}.
 */
final class JobOptionsParser {

    /** The value ParameterTool stores for an option given without a value. */
    private static final String NO_VALUE = "__NO_VALUE_KEY";

    private static final Pattern FRAME_SIZE = Pattern.compile("(\\d{1,9})x(\\d{1,9})");

    private static final List<Option> OPTIONS = List.of(
            Option.text("bootstrap-servers", "HOST:PORT[,...]", "Kafka bootstrap servers, also accepted as"
                    + " --bootstrap. Required.",
                    JobOptions.Builder::bootstrapServers),
            Option.text("model", "ID|PATH", "Model: the ID of a model bundled in the job jar ("
                    + String.join(", ", BundledModels.ids()) + "), or a model descriptor (.json) or ONNX file whose"
                    + " path exists on every TaskManager. Default: " + BundledModels.defaultId() + ".",
                    (b, v) -> b.model(modelReference(v))),
            Option.flag("model-control", "Switch drones to the models that model records of --control-topic"
                    + " select, without a restart. Default: true. Pass --model-control false to keep --model.",
                    JobOptions.Builder::modelControl),
            Option.text("video-topic", "TOPIC", "Topic of encoded video packets. Default: "
                    + Topics.VIDEO + ".", JobOptions.Builder::videoTopic),
            Option.text("detections-topic", "TOPIC", "Topic for detections. Default: "
                    + Topics.DETECTIONS + ".", JobOptions.Builder::detectionsTopic),
            Option.text("dead-letter-topic", "TOPIC", "Topic for records the job could not process."
                    + " Default: " + Topics.DEAD_LETTERS + ".",
                    JobOptions.Builder::deadLetterTopic),
            Option.text("track-events-topic", "TOPIC", "Topic for track events, written with tracking on."
                    + " Default: " + Topics.TRACK_EVENTS + ".", JobOptions.Builder::trackEventsTopic),
            Option.text("analytics-events-topic", "TOPIC", "Topic for zone, line and class-count events,"
                    + " written with tracking and analytics on. Default: " + Topics.ANALYTICS_EVENTS + ".",
                    JobOptions.Builder::analyticsEventsTopic),
            Option.text("control-topic", "TOPIC", "Topic of zone and line definitions (JSON keyed by drone"
                    + " ID) and model records (keyed model:DRONE or model:*), read from the earliest offset with"
                    + " analytics or model control on. Default: "
                    + Topics.ANALYTICS_CONTROL + ".", JobOptions.Builder::controlTopic),
            Option.text("group-id", "GROUP", "Kafka consumer group of the video source. Default: "
                    + JobOptions.DEFAULT_GROUP_ID + ".", JobOptions.Builder::groupId),
            Option.text("starting-offsets", "earliest|latest|committed", "Where to start reading"
                    + " without a checkpoint. Committed falls back to earliest. Default: committed.",
                    (b, v) -> b.startingOffsets(startingOffsets(v))),
            Option.flag("bounded", "Stop at the latest video offsets seen at start.",
                    JobOptions.Builder::bounded),
            Option.text("output-dir", "PATH|URI", "Directory for JSON-lines detections, track events and"
                    + " analytics events, written on each checkpoint. Default: none.", JobOptions.Builder::outputDirectory),
            Option.text("max-analysed-fps", "FPS", "Maximum analysed frames per second per drone,"
                    + " 0 to analyse every frame. Default: 0.",
                    (b, v) -> b.maxAnalysedFps(Double.parseDouble(v))),
            Option.flag("live", "Skip frames older than --max-frame-age to keep up with live video.",
                    JobOptions.Builder::liveMode),
            Option.text("max-frame-age", "DURATION", "Maximum frame age in live mode. Default: "
                    + TimeUtils.formatWithHighestUnit(AnalysisConfig.DEFAULT_MAX_FRAME_AGE) + ".", (b, v) -> b.maxFrameAge(duration(v))),
            Option.text("max-frame-size", "WIDTHxHEIGHT", "Largest frame the decoder accepts, in"
                    + " pixels. Default: " + PacketDecoder.DEFAULT_MAX_FRAME_WIDTH + "x"
                    + PacketDecoder.DEFAULT_MAX_FRAME_HEIGHT + ".", JobOptionsParser::applyFrameSize),
            Option.text("decoder-idle-timeout", "DURATION", "Time without packets after which a"
                    + " drone's decoder is closed; its next packet rebuilds it from the retained GOP. Default: "
                    + TimeUtils.formatWithHighestUnit(AnalysisConfig.DEFAULT_DECODER_IDLE_TIMEOUT) + ".",
                    (b, v) -> b.decoderIdleTimeout(duration(v))),
            Option.flag("artefact-check", "Check decoded frames for damage that FFmpeg does not"
                    + " report, at the cost of one frame of delay. Default: true. Pass"
                    + " --artefact-check false to turn it off.", JobOptions.Builder::artefactCheck),
            Option.flag("tracking", "Track each drone's objects: track IDs on detections and track events."
                    + " Default: true. Pass --tracking false to turn it off.", JobOptions.Builder::tracking),
            Option.flag("camera-motion-compensation", "Estimate the camera motion between analysed frames"
                    + " and compensate it in tracking. Default: true. Pass --camera-motion-compensation false"
                    + " to turn it off.", JobOptions.Builder::cameraMotionCompensation),
            Option.text("camera-intrinsics", "FILE", "Camera model as JSON (width, height, fx, fy, cx, cy in pixels,"
                    + " optional k1, k2), for example a simulated flight's intrinsics.json. Turns the visual odometry"
                    + " on: every analysed frame gets a pose, and its homography replaces the camera-motion estimate."
                    + " Default: none.", (b, v) -> b.cameraIntrinsics(Path.of(v))),
            Option.text("track-update-interval", "DURATION", "Minimum capture time between two UPDATED"
                    + " events of one track, 0 for every matched frame. Default: "
                    + TimeUtils.formatWithHighestUnit(AnalysisConfig.DEFAULT_TRACK_UPDATE_INTERVAL) + ".",
                    (b, v) -> b.trackUpdateInterval(duration(v))),
            Option.flag("analytics", "Zone, line and class-count analytics of the tracks, with definitions"
                    + " from --control-topic. Needs tracking. Default: true. Pass --analytics false to turn it off.",
                    JobOptions.Builder::analytics),
            Option.text("count-window", "DURATION", "Length of the tumbling windows of class counts, in"
                    + " capture time. Default: " + TimeUtils.formatWithHighestUnit(AnalysisConfig.DEFAULT_COUNT_WINDOW)
                    + ".", (b, v) -> b.countWindow(duration(v))),
            Option.text("zone-exit-delay", "DURATION", "Capture time a track must stay outside a zone"
                    + " before it exits, 0 to exit at once. Default: "
                    + TimeUtils.formatWithHighestUnit(AnalysisConfig.DEFAULT_ZONE_EXIT_DELAY) + ".",
                    (b, v) -> b.zoneExitDelay(duration(v))),
            Option.text("control-idleness", "DURATION", "Time without control records after which the"
                    + " control topic stops holding back the watermark; frames wait at most this long for"
                    + " definitions. Default: " + TimeUtils.formatWithHighestUnit(JobOptions.DEFAULT_CONTROL_IDLENESS)
                    + ".", (b, v) -> b.controlIdleness(duration(v))),
            Option.text("checkpoint-interval", "DURATION", "Checkpoint interval. Output becomes"
                    + " visible on each checkpoint. Default: 10 s.",
                    (b, v) -> b.checkpointInterval(duration(v))),
            Option.text("parallelism", "N", "Job parallelism. Default: the cluster default.",
                    (b, v) -> b.parallelism(Integer.parseInt(v))),
            Option.text("intra-op-threads", "N", "ONNX Runtime threads per subtask. Default: cores"
                    + " divided by task slots per TaskManager, at least 1.",
                    (b, v) -> b.intraOpThreads(Integer.parseInt(v))),
            Option.text("max-out-of-orderness", "DURATION", "Watermark bound for late packets."
                    + " Default: 1 s.", (b, v) -> b.maxOutOfOrderness(duration(v))),
            Option.text("idleness", "DURATION", "Time without records after which a source split"
                    + " is idle. Default: 30 s.", (b, v) -> b.idleness(duration(v))),
            Option.text("transactional-id-prefix", "PREFIX", "Prefix of Kafka transactional IDs,"
                    + " unique per job. Default: the consumer group.",
                    JobOptions.Builder::transactionalIdPrefix),
            Option.text("transaction-timeout", "DURATION", "Kafka transaction timeout, at most"
                    + " 15 min. Default: 10 min.", (b, v) -> b.transactionTimeout(duration(v))),
            Option.text("job-name", "NAME", "Flink job name. Default: " + JobOptions.DEFAULT_JOB_NAME
                    + ".", JobOptions.Builder::jobName));

    private JobOptionsParser() {}

    /** Alternative option names, mapped to the documented name. The uavstream CLI uses these. */
    private static final Map<String, String> ALIASES = Map.of("bootstrap", "bootstrap-servers");

    static JobOptions parse(String[] args) {
        Map<String, String> values = resolveAliases(parameters(args).toMap());
        rejectUnknown(values);
        JobOptions.Builder builder = JobOptions.builder();
        for (Option option : OPTIONS) {
            String value = values.get(option.name());
            if (value != null) {
                option.applyTo(builder, value);
            }
        }
        return builder.build();
    }

    static String usage() {
        StringBuilder text = new StringBuilder("Options of the uavstream job (DURATION: for example 500ms, 10s, 5min):\n");
        for (Option option : OPTIONS) {
            String synopsis = option.flag() ? "--" + option.name() : "--" + option.name() + " " + option.valueName();
            text.append(String.format(Locale.ROOT, "  %-40s %s%n", synopsis, option.help()));
        }
        return text.toString();
    }

    private static ParameterTool parameters(String[] args) {
        try {
            return ParameterTool.fromArgs(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid arguments: " + e.getMessage()
                    + " Run with --help to list the options.", e);
        }
    }

    private static Map<String, String> resolveAliases(Map<String, String> values) {
        Map<String, String> resolved = new HashMap<>(values);
        ALIASES.forEach((alias, name) -> {
            String value = resolved.remove(alias);
            if (value != null && resolved.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("--" + alias + " and --" + name
                        + " set the same option. Pass only one of them.");
            }
        });
        return resolved;
    }

    private static void rejectUnknown(Map<String, String> values) {
        List<String> unknown = new ArrayList<>();
        for (String name : values.keySet()) {
            if (OPTIONS.stream().noneMatch(option -> option.name().equals(name))) {
                unknown.add("--" + name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown
                    + ". Run with --help to list the options.");
        }
    }

    private static void applyFrameSize(JobOptions.Builder builder, String value) {
        Matcher matcher = FRAME_SIZE.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT, for example 1920x1080");
        }
        builder.maxFrameSize(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    private static StartingOffsets startingOffsets(String value) {
        try {
            return StartingOffsets.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected earliest, latest or committed", e);
        }
    }

    private static Duration duration(String value) {
        return TimeUtils.parseDuration(value);
    }

    private static ModelReference modelReference(String value) {
        try {
            return ModelReference.parse(value);
        } catch (InvalidModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** One command-line option and how it sets the builder. */
    private record Option(
            String name, String valueName, String help, boolean flag, BiConsumer<JobOptions.Builder, String> setter) {

        static Option text(String name, String valueName, String help, BiConsumer<JobOptions.Builder, String> setter) {
            return new Option(name, valueName, help, false, setter);
        }

        static Option flag(String name, String help, BiConsumer<JobOptions.Builder, Boolean> setter) {
            Function<String, Boolean> parse = JobOptionsParser::flagValue;
            return new Option(name, "", help, true, (b, v) -> setter.accept(b, parse.apply(v)));
        }

        void applyTo(JobOptions.Builder builder, String value) {
            if (!flag && value.equals(NO_VALUE)) {
                throw new IllegalArgumentException("--" + name + " requires a value: " + valueName);
            }
            try {
                setter.accept(builder, value);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                if (message.startsWith("--" + name)) {
                    throw e;
                }
                throw new IllegalArgumentException(
                        "--" + name + ": invalid value '" + value + "': " + message, e);
            }
        }
    }

    private static boolean flagValue(String value) {
        if (value.equals(NO_VALUE) || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true, false or no value");
    }
}
