package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelReference;
import org.junit.jupiter.api.Test;

/** Parsing of model record values by {@link ModelControlParser}. */
class ModelControlParserTest {

    @Test
    void bundledIdIsAccepted() {
        assertThat(ModelControlParser.parse("{\"model\": \"uavdet-416\"}")).isEqualTo(ModelReference.bundled("uavdet-416"));
    }

    @Test
    void absolutePathIsAccepted() {
        assertThat(ModelControlParser.parse("{\"model\": \"/models/a.json\"}")).hasToString("/models/a.json");
    }

    @Test
    void relativePathIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\"model\": \"models/a.json\"}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Model path models/a.json is relative");
    }

    @Test
    void unknownBundledIdIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\"model\": \"uavdet-999\"}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Unknown bundled model 'uavdet-999'");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\n\"model\" \"uavdet-416\"}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Invalid JSON at line 2, column 9");
    }

    @Test
    void arrayValueIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("[\"uavdet-416\"]"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("must be a JSON object")
                .hasMessageContaining("got ARRAY");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\"model\": \"uavdet-416\", \"zones\": []}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Unknown key \"zones\"");
    }

    @Test
    void missingModelKeyIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("needs the key \"model\"");
    }

    @Test
    void numericModelIsRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\"model\": 416}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Field \"model\" must be a string")
                .hasMessageContaining("got NUMBER");
    }

    @Test
    void trailingTokensAreRejected() {
        assertThatThrownBy(() -> ModelControlParser.parse("{\"model\": \"uavdet-416\"} {}"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Invalid JSON");
    }

    @Test
    void modelKeyIsRecognised() {
        assertThat(ModelControlParser.hasModelKey("{\"model\": \"uavdet-416\"}")).isTrue();
        assertThat(ModelControlParser.hasModelKey("{\"zones\": []}")).isFalse();
        assertThat(ModelControlParser.hasModelKey("{\"model\"")).isFalse();
    }
}
