package io.uavstream.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line describing the machine a benchmark ran on: CPU model, cores, memory, OS and Java. */
final class MachineDescription {

    private static final Logger LOG = LoggerFactory.getLogger(MachineDescription.class);
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path MEM_INFO = Path.of("/proc/meminfo");

    private MachineDescription() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s, %s %s (%s), Java %s", cpuModel(),
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    /** Returns the first "model name" of /proc/cpuinfo, or "unknown CPU" where there is none. */
    private static String cpuModel() {
        for (String line : readLines(CPU_INFO)) {
            if (line.startsWith("model name") && line.contains(":")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown CPU";
    }

    /** Returns the MemTotal of /proc/meminfo in GiB, or "unknown memory" where there is none. */
    private static String memory() {
        for (String line : readLines(MEM_INFO)) {
            String[] fields = line.split("\\s+");
            if (fields.length >= 2 && fields[0].equals("MemTotal:")) {
                return String.format(Locale.ROOT, "%.0f GiB memory", Long.parseLong(fields[1]) / 1024.0 / 1024.0);
            }
        }
        return "unknown memory";
    }

    /** Returns the lines of a /proc file, or none where it is absent or unreadable (other systems). */
    private static List<String> readLines(Path file) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            // The machine line only decorates the report, so a failure leaves that part unknown.
            LOG.warn("Could not read {} for the machine description", file, e);
            return List.of();
        }
    }
}
