package io.uavstream.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.cli.UavstreamCli;
import io.uavstream.models.testing.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops {@code uavstream run} in a child JVM with SIGTERM, the signal path that Ctrl-C (SIGINT)
 * shares, while the job runs, and checks that the process prints its summary, ends, and leaves no
 * broker or run directory behind.
 */
class RunShutdownTest {

    @TempDir
    Path temp;

    @Test
    void terminatedRunCleansUp() throws Exception {
        Path model = TinyModels.yolox(temp.resolve("model"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path log = temp.resolve("run.log");
        Process process = new ProcessBuilder(javaCommand(tmp, "run", "--model", model.toString(), "--drones", "1", "--duration", "30",
                        "--output", temp.resolve("output").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean sessionStarted = awaitLine(log, "started session", process);
        process.destroy();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log);

        assertThat(sessionStarted).as("job started a session; output:%n%s", output).isTrue();
        assertThat(exited).as("process exited after SIGTERM").isTrue();
        assertThat(process.exitValue()).as("exit code of a stopped run").isIn(130, 143);
        assertThat(output).as("output").contains("Received SIGTERM: stopping").contains("Closing the run");
        assertThat(output).as("summary after the stop").contains("uavstream run:").contains("STOPPED");
        assertThat(leftovers(tmp)).as("run and broker directories left in %s; output:%n%s", tmp, output).isEmpty();
    }

    private static List<String> javaCommand(Path tmp, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                UavstreamCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Waits up to two minutes for a line containing {@code marker}; false if the process ends first. */
    private static boolean awaitLine(Path log, String marker, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(log).contains(marker)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static List<Path> leftovers(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("uavstream-")).toList();
        }
    }
}
