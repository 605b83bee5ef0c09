package io.uavstream.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.DefaultModel;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelFormat;
import io.uavstream.models.testing.TinyModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsInspectCommandTest {

    @TempDir
    Path temp;

    @Test
    void inspectPrintsOperatorsAndDescriptor() {
        Path model = TinyModels.yolox(temp).resolveSibling("tiny-yolox.onnx");
        Path descriptor = temp.resolve("guessed.json");
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out));

        int exitCode = command.execute("inspect", model.toString(), "--descriptor", descriptor.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Input:").contains("images FLOAT [1, 3, 64, 64]");
        assertThat(out.toString()).contains("ReduceSum");
        assertThat(out.toString()).contains("Quantized:                     no");
        assertThat(ModelDescriptor.read(descriptor).format()).isEqualTo(ModelFormat.YOLOX);
    }

    @Test
    void inspectAcceptsBundledModelId() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out));

        int exitCode = command.execute("inspect", DefaultModel.ID);

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Input:");
    }

    @Test
    void inspectRejectsMissingFile() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ModelsCommand()).setErr(new PrintWriter(err));

        int exitCode = command.execute("inspect", temp.resolve("absent.onnx").toString());

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("absent.onnx");
    }
}
