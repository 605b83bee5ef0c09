package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Checks the analytics options of {@code uavstream run} and its errors, without starting a run. */
class RunAnalyticsOptionsTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = UavstreamCli.newCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void countWindowIsKnownOption() {
        int exitCode = execute("run", "--count-window", "10s", "--zone-exit-delay", "0s", "--control-idleness", "2s",
                "--model", "model.json", "--video", temp.resolve("absent.ts").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("Unknown option");
        assertThat(err.toString()).contains("Video file not found");
    }

    @Test
    void malformedDurationIsUsageError() {
        int exitCode = execute("run", "--count-window", "soon");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--count-window");
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void zeroCountWindowIsRejected() {
        int exitCode = execute("run", "--count-window", "0s", "--model", "model.json");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("--count-window must be positive");
    }

    @Test
    void malformedZonesFileNamesLineAndColumn() throws Exception {
        Path zones = Files.writeString(temp.resolve("zones.json"), "{\n  \"zones\": [\n    {\"id\": \"gate\" \"polygon\": []}\n]}");

        int exitCode = execute("run", "--model", "model.json", "--zones", zones.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains(zones.toAbsolutePath() + ": Invalid JSON at line 3, column ");
        assertThat(err.toString()).doesNotContain("Source");
        assertThat(err.toString()).doesNotContain("StreamReadFeature");
    }

    @Test
    void misspelledZonesKeyIsRejected() throws Exception {
        Path zones = Files.writeString(temp.resolve("zones.json"), "{\"lnes\": []}");

        int exitCode = execute("run", "--model", "model.json", "--zones", zones.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("\"lnes\": unknown key; accepted keys are drone, zones, lines");
    }
}
