package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.testing.TinyModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReferenceTest {

    @TempDir
    Path dir;

    @Test
    void parseReadsBundledId() {
        ModelReference reference = ModelReference.parse(" uavdet-416 ");

        assertThat(reference.isBundled()).isTrue();
        assertThat(reference).hasToString("uavdet-416");
        assertThat(reference).isEqualTo(ModelReference.bundled("uavdet-416"));
    }

    @Test
    void parseReadsDescriptorPath() {
        ModelReference reference = ModelReference.parse("/models/a.json");

        assertThat(reference.isBundled()).isFalse();
        assertThat(reference.isAbsolutePath()).isTrue();
        assertThat(reference).hasToString("/models/a.json");
    }

    @Test
    void parseReadsRelativeOnnxPath() {
        ModelReference reference = ModelReference.parse("a.onnx");

        assertThat(reference.isBundled()).isFalse();
        assertThat(reference.isAbsolutePath()).isFalse();
    }

    @Test
    void parseRejectsUnknownBundledId() {
        assertThatThrownBy(() -> ModelReference.parse("uavdet-999"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Unknown bundled model 'uavdet-999'. The bundled models are uavdet-416");
    }

    @Test
    void parseRejectsBlankText() {
        assertThatThrownBy(() -> ModelReference.parse("  "))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model reference is blank");
    }

    @Test
    void parseRejectsPathWithoutModelExtension() {
        assertThatThrownBy(() -> ModelReference.parse("/models/readme.txt"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model path /models/readme.txt must name a model descriptor (.json)");
    }

    @Test
    void resolveRejectsMissingFile() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> ModelReference.file(missing).resolve())
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model file " + missing + " not found");
    }

    @Test
    void resolveExtractsBundledModel() {
        Path descriptor = ModelReference.defaultModel().resolve();

        assertThat(descriptor.getFileName()).hasToString(BundledModels.defaultId() + ".json");
    }

    @Test
    void openOpensTinyModelFile() {
        Path descriptor = TinyModels.yolox(dir);

        try (ObjectDetector detector = ModelReference.parse(descriptor.toString()).open(1)) {
            assertThat(detector.descriptor().id()).isEqualTo("tiny-yolox");
        }
    }

    @Test
    void referenceSurvivesJavaSerialization() throws Exception {
        ModelReference reference = ModelReference.parse("/models/a.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(reference);
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(reference);
        }
    }
}
