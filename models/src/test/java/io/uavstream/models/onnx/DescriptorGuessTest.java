package io.uavstream.models.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorGuessTest {

    private static final Path MODEL = Path.of("model.onnx");

    @Test
    void yolov8OutputIsChannelMajor() {
        DescriptorGuess.Result result = DescriptorGuess.guess(MODEL, 640, 640,
                List.of(List.of(1L, 84L, 8400L)));

        assertThat(result.json().orElseThrow()).contains("\"YOLOV8\"").contains("\"RGB\"");
    }

    @Test
    void yolov5OutputHasThreeAnchors() {
        DescriptorGuess.Result result = DescriptorGuess.guess(MODEL, 640, 640,
                List.of(List.of(1L, 25200L, 85L)));

        assertThat(result.json().orElseThrow()).contains("\"YOLOV5\"");
    }

    @Test
    void yoloxWithSevenClassesIsUavDet() {
        DescriptorGuess.Result result = DescriptorGuess.guess(MODEL, 416, 416,
                List.of(List.of(1L, 3549L, 12L)));

        assertThat(result.json().orElseThrow()).contains("\"YOLOX\"").contains("\"motorcycle\"");
        assertThat(result.note()).contains("UavDet");
    }

    @Test
    void customClassCountGetsNumberedNames() {
        DescriptorGuess.Result result = DescriptorGuess.guess(MODEL, 416, 416,
                List.of(List.of(1L, 3549L, 8L)));

        assertThat(result.json().orElseThrow()).contains("\"class2\"");
    }

    @Test
    void inputOffStrideGridIsRejected() {
        DescriptorGuess.Result result = DescriptorGuess.guess(MODEL, 420, 416,
                List.of(List.of(1L, 3549L, 85L)));

        assertThat(result.json()).isEmpty();
        assertThat(result.note()).contains("420x416");
    }
}
