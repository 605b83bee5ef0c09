package io.uavstream.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.testing.TinyModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsProfileCommandTest {

    @TempDir
    Path temp;

    @Test
    void profilePrintsOperatorTable() {
        Path model = TinyModels.yolox(temp).resolveSibling("tiny-yolox.onnx");
        Path traces = temp.resolve("traces");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out));

        int exitCode = command.execute("profile", model.toString(), "--runs", "3", "--warm-up", "1",
                "--trace-dir", traces.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("3 timed runs").contains("CPUExecutionProvider");
        assertThat(Files.exists(traces.resolve("optimized.onnx"))).isTrue();
    }
}
