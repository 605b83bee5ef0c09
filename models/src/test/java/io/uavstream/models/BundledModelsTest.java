package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledModelsTest {

    @TempDir
    Path cache;

    @Test
    void indexListsDefaultFirst() {
        assertThat(BundledModels.ids()).isNotEmpty();
        assertThat(BundledModels.defaultId()).isEqualTo(BundledModels.ids().get(0));
        assertThat(DefaultModel.ID).isEqualTo(BundledModels.defaultId());
    }

    @Test
    void indexContainsUavdet() {
        assertThat(BundledModels.contains("uavdet-416")).isTrue();
        assertThat(BundledModels.contains("uavdet-999")).isFalse();
    }

    @Test
    void everyBundledModelExtracts() {
        for (String id : BundledModels.ids()) {
            Path descriptorFile = BundledModels.extractTo(id, cache);

            ModelDescriptor descriptor = ModelDescriptor.read(descriptorFile);
            assertThat(descriptorFile.getFileName()).hasToString(id + ".json");
            assertThat(descriptorFile.getParent().getFileName().toString()).startsWith(id + "-");
            assertThat(descriptor.modelPath()).isEqualTo(descriptorFile.resolveSibling(id + ".onnx"));
        }
    }

    @Test
    void extractRejectsUnknownId() {
        assertThatThrownBy(() -> BundledModels.extractTo("uavdet-999", cache))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Unknown bundled model 'uavdet-999'")
                .hasMessageContaining("uavdet-416");
    }

    @Test
    void parseIndexSkipsCommentsAndBlanks() {
        byte[] index = "# bundled\n\nb-1\r\na.2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(BundledModels.parseIndex(index, "test.txt")).containsExactly("b-1", "a.2");
    }

    @Test
    void parseIndexRejectsEmptyIndex() {
        assertThatThrownBy(() -> BundledModels.parseIndex("# none\n".getBytes(StandardCharsets.UTF_8), "test.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.txt lists no model ID");
    }

    @Test
    void parseIndexRejectsInvalidId() {
        assertThatThrownBy(() -> BundledModels.parseIndex("a\nmodels/b\n".getBytes(StandardCharsets.UTF_8), "test.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Invalid model ID 'models/b' at line 2 of test.txt");
    }

    @Test
    void parseIndexRejectsRepeatedId() {
        assertThatThrownBy(() -> BundledModels.parseIndex("a\nb\na\n".getBytes(StandardCharsets.UTF_8), "test.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Model ID 'a' is listed twice in test.txt, again at line 3");
    }
}
