package io.uavstream.cli.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CPU, core count, Java version and load average of the machine a benchmark runs on. */
final class HostDescription {

    private static final Logger LOG = LoggerFactory.getLogger(HostDescription.class);

    private HostDescription() {}

    static String describe() {
        String cpu = readLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s %s, Java %s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** Returns the 1-minute load average from /proc/loadavg, or "unknown" where there is none. */
    static String loadAverage() {
        List<String> lines = readLines(Path.of("/proc/loadavg"));
        return lines.isEmpty() ? "unknown" : lines.get(0).split("\\s+")[0];
    }

    private static List<String> readLines(Path file) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            LOG.warn("Could not read {} for the machine description", file, e);
            return List.of();
        }
    }
}
