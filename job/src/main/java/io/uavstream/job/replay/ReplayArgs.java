package io.uavstream.job.replay;

import io.uavstream.models.ModelReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line form of {@link ReplayOptions} for {@link ReplayJob}, as {@code --option value}
 * pairs. {@link #format} and {@link #parse} are inverse, so a client builds the options, checks
 * them, and passes their arguments to a job on a cluster.
 */
public final class ReplayArgs {

    private static final List<String> OPTIONS = List.of("bootstrap-servers", "video-topic", "from", "to", "drones",
            "model", "speed", "detections-topic", "track-events-topic", "dead-letter-topic", "output-dir", "replay-id",
            "seek-margin-seconds", "parallelism", "intra-op-threads", "analytics", "zones", "control-topic",
            "analytics-events-topic", "count-window-millis", "zone-exit-delay-millis");

    private ReplayArgs() {}

    /**
     * Parses arguments written by {@link #format}. Capture times are UTC epoch microseconds or
     * ISO-8601 with an offset, and {@code --speed} is a positive factor or {@code max}.
     *
     * @throws IllegalArgumentException naming the option, if an option is unknown, lacks a value
     *     or has an invalid value, or a required option is missing
     */
    public static ReplayOptions parse(String[] args) {
        Map<String, String> values = pairs(args);
        ReplayOptions.Builder options = ReplayOptions.builder();
        apply(values, "bootstrap-servers", options::bootstrapServers);

        if (values.containsKey("from") != values.containsKey("to")) {
            throw new IllegalArgumentException("--from and --to go together: pass both capture times");
        }
        if (values.containsKey("from")) {
            Set<String> drones = values.containsKey("drones")
                    ? new LinkedHashSet<>(Arrays.asList(values.get("drones").split(",")))
                    : Set.of();
            options.range(new ReplayRange(ReplayRange.parseCaptureTime(values.get("from"), "--from"),
                    ReplayRange.parseCaptureTime(values.get("to"), "--to"), drones));
        }
        apply(values, "model", value -> options.model(ModelReference.parse(value)));

        apply(values, "video-topic", options::videoTopic);
        apply(values, "speed", value -> options.speed(speed(value)));
        apply(values, "detections-topic", options::detectionsTopic);
        apply(values, "track-events-topic", options::trackEventsTopic);
        apply(values, "dead-letter-topic", options::deadLetterTopic);
        apply(values, "output-dir", value -> options.outputDirectory(Path.of(value)));
        apply(values, "replay-id", options::replayId);
        apply(values, "seek-margin-seconds", value -> options.seekMargin(Duration.ofSeconds(integer(value,
                "--seek-margin-seconds"))));
        apply(values, "parallelism", value -> options.parallelism((int) integer(value, "--parallelism")));
        apply(values, "intra-op-threads", value -> options.intraOpThreads((int) integer(value, "--intra-op-threads")));
        apply(values, "analytics", value -> options.analytics(bool(value, "--analytics")));
        apply(values, "zones", value -> options.zonesFile(Path.of(value)));
        apply(values, "control-topic", options::controlTopic);
        apply(values, "analytics-events-topic", options::analyticsEventsTopic);
        apply(values, "count-window-millis", value -> options.countWindow(Duration.ofMillis(integer(value,
                "--count-window-millis"))));
        apply(values, "zone-exit-delay-millis", value -> options.zoneExitDelay(Duration.ofMillis(integer(value,
                "--zone-exit-delay-millis"))));
        return options.build();
    }

    /** Returns the arguments that {@link #parse} turns back into {@code options}. */
    public static List<String> format(ReplayOptions options) {
        List<String> args = new ArrayList<>();
        add(args, "bootstrap-servers", options.bootstrapServers());
        add(args, "video-topic", options.videoTopic());
        add(args, "from", Long.toString(options.range().fromMicros()));
        add(args, "to", Long.toString(options.range().toMicros()));
        if (!options.range().droneIds().isEmpty()) {
            add(args, "drones", String.join(",", options.range().droneIds()));
        }
        add(args, "model", options.model().toString());
        add(args, "speed", options.paced() ? Double.toString(options.speed()) : "max");
        add(args, "detections-topic", options.detectionsTopic());
        add(args, "track-events-topic", options.trackEventsTopic());
        add(args, "dead-letter-topic", options.deadLetterTopic());
        options.outputDirectory().ifPresent(directory -> add(args, "output-dir", directory.toString()));
        options.replayId().ifPresent(id -> add(args, "replay-id", id));
        add(args, "seek-margin-seconds", Long.toString(options.seekMargin().toSeconds()));
        add(args, "parallelism", Integer.toString(options.parallelism()));
        options.intraOpThreads().ifPresent(threads -> add(args, "intra-op-threads", Integer.toString(threads)));
        add(args, "analytics", Boolean.toString(options.analytics()));
        options.zonesFile().ifPresent(file -> add(args, "zones", file.toString()));
        add(args, "control-topic", options.controlTopic());
        add(args, "analytics-events-topic", options.analyticsEventsTopic());
        options.countWindow().ifPresent(window -> add(args, "count-window-millis", Long.toString(window.toMillis())));
        options.zoneExitDelay().ifPresent(delay -> add(args, "zone-exit-delay-millis", Long.toString(delay.toMillis())));
        return args;
    }

    /** Parses {@code max} or a positive factor of the recorded pace. */
    public static double speed(String value) {
        if ("max".equalsIgnoreCase(value.trim())) {
            return ReplayOptions.MAX_SPEED;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--speed must be max or a positive number such as 1.0, got " + value, e);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("--speed must be max or a positive number such as 1.0, got " + value);
        }
        return factor;
    }

    private static Map<String, String> pairs(String[] args) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (!option.startsWith("--") || !OPTIONS.contains(option.substring(2))) {
                throw new IllegalArgumentException("Unknown replay job option " + option + "; the options are --"
                        + String.join(", --", OPTIONS));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " is missing its value");
            }
            values.put(option.substring(2), args[i + 1]);
        }
        return values;
    }

    private static void apply(Map<String, String> values, String option, java.util.function.Consumer<String> setter) {
        String value = values.get(option);
        if (value != null) {
            setter.accept(value);
        }
    }

    private static long integer(String value, String option) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got " + value, e);
        }
    }

    private static boolean bool(String value, String option) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be true or false, got " + value);
        };
    }

    private static void add(List<String> args, String option, String value) {
        args.add("--" + option);
        args.add(value);
    }
}
