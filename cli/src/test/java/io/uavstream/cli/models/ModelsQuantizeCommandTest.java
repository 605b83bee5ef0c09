package io.uavstream.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import io.uavstream.models.testing.TinyModels;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsQuantizeCommandTest {

    @TempDir
    Path temp;

    @Test
    void quantizeWritesModelAndDescriptor() throws Exception {
        Path model = TinyModels.yolox(temp).resolveSibling("tiny-yolox.onnx");
        Path calibration = Files.createDirectories(temp.resolve("calibration"));
        ImageIO.write(new BufferedImage(80, 60, BufferedImage.TYPE_3BYTE_BGR), "png",
                calibration.resolve("frame.png").toFile());
        Path output = temp.resolve("tiny-yolox-int8.onnx");
        StringWriter out = new StringWriter();

        int exitCode = new CommandLine(new ModelsCommand()).setOut(new PrintWriter(out))
                .execute("quantize", "--calibration", calibration.toString(), model.toString(), output.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("on 1 calibration images");
        ModelDescriptor descriptor = ModelDescriptor.read(temp.resolve("tiny-yolox-int8.json"));
        assertThat(descriptor.id()).isEqualTo("tiny-yolox-int8");
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 1)) {
            assertThat(detector.descriptor().modelPath()).isEqualTo(output.toAbsolutePath().normalize());
        }
    }

    @Test
    void quantizeRejectsEmptyCalibrationFolder() throws Exception {
        Path model = TinyModels.yolox(temp).resolveSibling("tiny-yolox.onnx");
        Path calibration = Files.createDirectories(temp.resolve("empty"));
        StringWriter err = new StringWriter();

        int exitCode = new CommandLine(new ModelsCommand()).setErr(new PrintWriter(err))
                .execute("quantize", "--calibration", calibration.toString(), model.toString(),
                        temp.resolve("out.onnx").toString());

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("contains no .jpg, .jpeg or .png files");
    }

    @Test
    void fp16WritesModelAndDescriptor() {
        Path model = TinyModels.nanoDetPlus(temp).resolveSibling("tiny-nanodet-plus.onnx");
        Path output = temp.resolve("tiny-nanodet-plus-fp16.onnx");

        int exitCode = new CommandLine(new ModelsCommand()).execute("fp16", model.toString(), output.toString());

        assertThat(exitCode).isZero();
        ModelDescriptor descriptor = ModelDescriptor.read(temp.resolve("tiny-nanodet-plus-fp16.json"));
        assertThat(descriptor.regMax()).isEqualTo(7);
        assertThat(descriptor.description()).contains("FLOAT16");
    }
}
