package io.uavstream.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The zone and count timing options that {@code run} and {@code replay} share, as a picocli mixin. */
public final class AnalyticsTimingOptions {

    @Option(names = "--count-window", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of the tumbling windows of class counts, in capture time, such as 10s or 1min"
                    + " (default: the job's, 1 min).")
    private Duration countWindow;

    @Option(names = "--zone-exit-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Capture time a track must stay outside a zone before it exits, 0 to exit at once"
                    + " (default: the job's, 1 s).")
    private Duration zoneExitDelay;

    /** Returns {@code --count-window}, empty for the job's default. */
    public Optional<Duration> countWindow() {
        return Optional.ofNullable(countWindow);
    }

    /** Returns {@code --zone-exit-delay}, empty for the job's default. */
    public Optional<Duration> zoneExitDelay() {
        return Optional.ofNullable(zoneExitDelay);
    }
}
