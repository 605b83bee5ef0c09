package io.uavstream.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JobManager or TaskManager JVM. Its Log4j log goes to {@code <role>.log}, its standard
 * output and error to {@code <role>.out}, and its process ID to {@code <role>.pid}, all in the
 * cluster's log folder, so that another process ({@code uavstream cluster stop}) can stop it.
 */
public final class FlinkProcess {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkProcess.class);

    private final ProcessRole role;
    private final ProcessHandle handle;
    private final Path logDirectory;

    private FlinkProcess(ProcessRole role, ProcessHandle handle, Path logDirectory) {
        this.role = role;
        this.handle = handle;
        this.logDirectory = logDirectory;
    }

    /** Starts {@code command} as the {@code role} process and writes its pid file. */
    static FlinkProcess start(ProcessRole role, List<String> command, Path logDirectory) {
        Path output = logDirectory.resolve(role.fileName() + ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            Files.writeString(pidFile(logDirectory, role), Long.toString(process.pid()), StandardCharsets.US_ASCII);
            LOG.info("Started the {} (pid {}), log {}", role.fileName(), process.pid(), logFile(logDirectory, role));
            return new FlinkProcess(role, process.toHandle(), logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + role.fileName() + " with " + command.get(0), e);
        }
    }

    /**
     * Finds the {@code role} process that the pid file in {@code logDirectory} names, if it still
     * runs Flink's entry point for that role (a stale pid file may name an unrelated process).
     */
    public static Optional<FlinkProcess> find(ProcessRole role, Path logDirectory) {
        Path pidFile = pidFile(logDirectory, role);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable pid file " + pidFile + ": " + e.getMessage(), e);
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> commandLine(handle).contains(role.mainClass()))
                .map(handle -> new FlinkProcess(role, handle, logDirectory));
    }

    /**
     * Returns the process's command line. On Linux it reads /proc/PID/cmdline, since
     * {@link ProcessHandle.Info#arguments()} comes back empty for command lines as long as a
     * Flink class path.
     */
    private static List<String> commandLine(ProcessHandle handle) {
        Path procCommandLine = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        if (Files.isReadable(procCommandLine)) {
            try {
                return List.of(Files.readString(procCommandLine, StandardCharsets.UTF_8).split("\0"));
            } catch (IOException e) {
                LOG.warn("Cannot read {}: {}", procCommandLine, e.toString());
            }
        }
        return handle.info().arguments().map(List::of).orElse(List.of());
    }

    static Path pidFile(Path logDirectory, ProcessRole role) {
        return logDirectory.resolve(role.fileName() + ".pid");
    }

    static Path logFile(Path logDirectory, ProcessRole role) {
        return logDirectory.resolve(role.fileName() + ".log");
    }

    public ProcessRole role() {
        return role;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Path of the process's Log4j log. */
    public Path logFile() {
        return logFile(logDirectory, role);
    }

    /**
     * Stops the process: SIGTERM first, which runs Flink's shutdown hooks (the JobManager
     * suspends its jobs, the TaskManager leaves the cluster), then SIGKILL after {@code grace}.
     * Removes the pid file.
     */
    public void stop(Duration grace) {
        if (handle.isAlive()) {
            LOG.info("Stopping the {} (pid {})", role.fileName(), handle.pid());
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("The {} (pid {}) did not stop within {}; killing it", role.fileName(), handle.pid(), grace);
                handle.destroyForcibly();
                handle.onExit().join();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Waiting for the " + role.fileName() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile(logDirectory, role));
        } catch (IOException e) {
            LOG.warn("Cannot delete the pid file of the {}: {}", role.fileName(), e.toString());
        }
    }

    /** Returns the last {@code lines} lines of the process's output and log, for error messages. */
    String tail(int lines) {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(logDirectory.resolve(role.fileName() + ".out"), logFile())) {
            if (Files.isRegularFile(file)) {
                try {
                    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                    all.subList(Math.max(0, all.size() - lines), all.size())
                            .forEach(line -> text.append(line).append('\n'));
                } catch (IOException e) {
                    text.append("(cannot read ").append(file).append(": ").append(e.getMessage()).append(")\n");
                }
            }
        }
        return text.toString();
    }
}
