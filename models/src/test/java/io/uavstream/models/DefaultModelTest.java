package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultModelTest {

    @TempDir
    Path cache;

    private static byte[] bundledModel() throws IOException {
        try (InputStream in = DefaultModel.class.getResourceAsStream(
                DefaultModel.RESOURCE_FOLDER + DefaultModel.MODEL_FILE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void extractWritesDescriptorAndModel() {
        Path descriptorFile = DefaultModel.extractTo(cache);

        ModelDescriptor descriptor = ModelDescriptor.read(descriptorFile);
        assertThat(descriptorFile).startsWith(cache);
        assertThat(descriptor.id()).isEqualTo(DefaultModel.ID);
        assertThat(descriptor.format()).isEqualTo(ModelFormat.YOLOX);
        assertThat(descriptor.modelPath()).isEqualTo(descriptorFile.resolveSibling(DefaultModel.ID + ".onnx"));
        assertThat(descriptor.classNames()).containsExactly(
                "person", "bicycle", "car", "van", "truck", "bus", "motorcycle");
    }

    @Test
    void extractReusesIdenticalFiles() throws IOException {
        Path first = DefaultModel.extractTo(cache);
        Path model = first.resolveSibling(DefaultModel.MODEL_FILE);
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(model, old);

        Path second = DefaultModel.extractTo(cache);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(model)).isEqualTo(old);
    }

    @Test
    void extractReplacesTruncatedModel() throws IOException {
        Path model = DefaultModel.extractTo(cache).resolveSibling(DefaultModel.MODEL_FILE);
        Files.write(model, new byte[] {1, 2, 3});

        DefaultModel.extractTo(cache);

        assertThat(Files.readAllBytes(model)).isEqualTo(bundledModel());
    }

    @Test
    void extractedModelOpensFromCacheOnly() {
        Path descriptorFile = DefaultModel.extractTo(cache);

        try (ObjectDetector detector = ObjectDetectors.open(descriptorFile, 1)) {
            assertThat(detector.descriptor().modelPath()).startsWith(cache);
        }
    }

    @Test
    void openDefaultUsesConfiguredCache() {
        String previous = System.getProperty(DefaultModel.CACHE_PROPERTY);
        System.setProperty(DefaultModel.CACHE_PROPERTY, cache.toString());
        try (ObjectDetector detector = ObjectDetectors.openDefault(2)) {
            assertThat(detector.descriptor().id()).isEqualTo(DefaultModel.ID);
            assertThat(detector.descriptor().modelPath()).startsWith(cache);
        } finally {
            if (previous == null) {
                System.clearProperty(DefaultModel.CACHE_PROPERTY);
            } else {
                System.setProperty(DefaultModel.CACHE_PROPERTY, previous);
            }
        }
    }

    @Test
    void openDefaultRejectsZeroThreads() {
        assertThatThrownBy(() -> ObjectDetectors.openDefault(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intraOpThreads must be at least 1, got 0");
    }
}
