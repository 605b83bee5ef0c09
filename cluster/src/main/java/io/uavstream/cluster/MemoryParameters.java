package io.uavstream.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The memory settings of one Flink process, derived from its configuration by Flink's own
 * {@code BashJavaUtils}, as the start scripts of a distribution do: the JVM options
 * ({@code -Xmx}, {@code -Xms}, {@code -XX:MaxDirectMemorySize}, {@code -XX:MaxMetaspaceSize}) and
 * the dynamic properties that pin every memory pool ({@code -D taskmanager.memory.*=...b}). A
 * TaskManager started without those properties exits at once, since it cannot derive its pools
 * from the total process size alone.
 *
 * @param jvmOptions options for the {@code java} command line
 * @param dynamicProperties program arguments for the entry point, as pairs of {@code -D} and
 *     {@code key=value}
 */
public record MemoryParameters(List<String> jvmOptions, List<String> dynamicProperties) {

    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final long TIMEOUT_SECONDS = 60;

    public MemoryParameters {
        jvmOptions = List.copyOf(jvmOptions);
        dynamicProperties = List.copyOf(dynamicProperties);
    }

    /**
     * Runs {@code BashJavaUtils} for {@code role} on the home's class path and configuration,
     * with {@code properties} as dynamic properties over {@code config.yaml}.
     *
     * @throws IllegalArgumentException if Flink rejects the memory configuration; the message
     *     carries Flink's explanation
     */
    static MemoryParameters derive(Path java, FlinkHome home, ProcessRole role, Map<String, String> properties) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-cp", home.classPathArgument(),
                BASH_JAVA_UTILS, role.resourceCommand(), "--configDir", home.configDirectory().toString()));
        properties.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
        String output = run(command);
        List<String> results = output.lines()
                .filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()).trim())
                .toList();
        if (results.size() < 2) {
            throw new IllegalArgumentException("Flink rejected the " + role.fileName() + " memory configuration: "
                    + flinkReason(output));
        }
        return new MemoryParameters(tokens(results.get(results.size() - 2)), tokens(results.get(results.size() - 1)));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("BashJavaUtils did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deriving memory settings", e);
        }
    }

    /** Returns the message of the innermost exception in {@code output}, where Flink explains the problem. */
    private static String flinkReason(String output) {
        String marker = "Exception: ";
        List<String> causes = output.lines().filter(line -> line.contains(marker)).toList();
        if (causes.isEmpty()) {
            return output.strip();
        }
        String innermost = causes.get(causes.size() - 1);
        return innermost.substring(innermost.indexOf(marker) + marker.length()).strip();
    }

    private static List<String> tokens(String line) {
        return Arrays.stream(line.split("\\s+")).filter(token -> !token.isEmpty()).toList();
    }
}
