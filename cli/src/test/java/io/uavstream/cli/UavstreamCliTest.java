package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UavstreamCliTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = UavstreamCli.newCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    @Test
    void helpDescribesNestedSubcommand() {
        int exitCode = execute("help", "models", "inspect");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("Usage: uavstream models inspect");
    }

    @Test
    void helpWithoutCommandDescribesTopLevel() {
        int exitCode = execute("help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("Usage: uavstream ");
        assertThat(out.toString()).contains("replay");
    }

    @Test
    void helpForUnknownSubcommandIsUsageError() {
        int exitCode = execute("help", "models", "shrink");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'uavstream models' has no subcommand 'shrink'");
    }

    @Test
    void runWithInvalidOptionIsUsageError() {
        int exitCode = execute("run", "--parallelism", "many");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--parallelism").contains("many");
    }

    @Test
    void runWithMissingVideoFailsClearly() {
        int exitCode = execute("run", "--model", "model.json", "--video", temp.resolve("absent.ts").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Video file not found").contains("absent.ts");
    }

    @Test
    void runWithMissingModelFailsClearly() {
        int exitCode = execute("run", "--model", temp.resolve("absent.onnx").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("absent.onnx");
    }

    @Test
    void ingestRejectsInvalidDroneId() {
        int exitCode = execute("ingest", "--drone", "bad id!", "--source", "x.ts", "--bootstrap", "127.0.0.1:9");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("bad id!");
    }
}
