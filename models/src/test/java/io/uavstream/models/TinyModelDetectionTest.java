package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.models.testing.TinyModels;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs each decoder through ONNX Runtime on the constant-output models of {@link TinyModels}. */
class TinyModelDetectionTest {

    private static final float BOX_TOLERANCE = 1e-3f;

    @TempDir
    Path dir;

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("YOLOX", (Function<Path, Path>) TinyModels::yolox),
                Arguments.of("NANODET_PLUS", (Function<Path, Path>) TinyModels::nanoDetPlus),
                Arguments.of("YOLOV5", (Function<Path, Path>) TinyModels::yolov5),
                Arguments.of("YOLOV8", (Function<Path, Path>) TinyModels::yolov8));
    }

    private static BgrImage gray(int width, int height) {
        byte[] pixels = new byte[3 * width * height];
        java.util.Arrays.fill(pixels, (byte) 128);
        return new BgrImage(width, height, pixels);
    }

    private static void assertDetections(List<Detection> actual, List<Detection> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Detection a = actual.get(i);
            Detection e = expected.get(i);
            assertThat(a.className()).as("class of detection %d", i).isEqualTo(e.className());
            assertThat(a.classId()).as("class ID of detection %d", i).isEqualTo(e.classId());
            assertThat(a.score()).as("score of detection %d", i)
                    .isCloseTo(e.score(), within(1e-5f));
            assertThat(a.x1()).as("x1 of detection %d", i).isCloseTo(e.x1(), within(BOX_TOLERANCE));
            assertThat(a.y1()).as("y1 of detection %d", i).isCloseTo(e.y1(), within(BOX_TOLERANCE));
            assertThat(a.x2()).as("x2 of detection %d", i).isCloseTo(e.x2(), within(BOX_TOLERANCE));
            assertThat(a.y2()).as("y2 of detection %d", i).isCloseTo(e.y2(), within(BOX_TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void inputSizedImageGivesSceneBoxes(String format, Function<Path, Path> writer) {
        Path descriptor = writer.apply(dir);
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 1)) {
            assertThat(detector.descriptor().format()).isEqualTo(ModelFormat.valueOf(format));

            List<Detection> detections = detector.detect(gray(64, 64));

            assertDetections(detections, TinyModels.expectedInputDetections());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void wideImageMapsThroughLetterbox(String format, Function<Path, Path> writer) {
        Path descriptor = writer.apply(dir);
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 1)) {
            List<Detection> detections = detector.detect(gray(320, 240));

            assertDetections(detections, TinyModels.expectedDetections(descriptor, 320, 240));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void repeatedFramesOfMixedSizes(String format, Function<Path, Path> writer) {
        Path descriptor = writer.apply(dir);
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, 1)) {
            for (int frame = 0; frame < 3; frame++) {
                assertDetections(detector.detect(gray(100, 300)),
                        TinyModels.expectedDetections(descriptor, 100, 300));
                assertDetections(detector.detect(gray(128, 128)),
                        TinyModels.expectedDetections(descriptor, 128, 128));
            }
        }
    }
}
