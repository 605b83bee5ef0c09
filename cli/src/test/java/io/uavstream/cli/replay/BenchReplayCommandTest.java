package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.cli.bench.BenchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code uavstream bench replay} end to end on a two-drone, two-second simulated flight:
 * rendering, publishing into an embedded Kafka broker, and two replays on a Flink MiniCluster.
 */
class BenchReplayCommandTest {

    @TempDir
    Path flights;

    @Test
    void benchReplayAnalysesEveryFrame() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;

        int exitCode;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            exitCode = commandLine.execute("replay", "--drones", "2", "--duration", "2", "--seed", "3",
                    "--work-dir", flights.toString(), "--parallelism", "2", "--intra-op-threads", "1", "--runs", "2");
        } finally {
            System.setOut(originalOut);
        }
        String report = stdout.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        assertThat(report).contains("2 drones x 2 s, 640x480 at 10 fps, seed 3");
        // 20 access units per drone and one end-of-stream marker each.
        assertThat(report).contains("in 42 records");
        assertThat(report).contains("for 40 frames");
        assertThat(report).contains("Run 2 of 2 (warm JVM)");
        assertThat(report).containsPattern("replay CPU time: +[0-9.]+ s in this JVM");
        assertThat(report).contains("parallelism 2, 1 intra-op threads");
    }
}
