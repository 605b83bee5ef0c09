package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.models.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real shared models on the shared test images, through their bundled descriptors, and
 * compares the best box of each expected class with a reference box. Skipped where the shared
 * data is absent.
 *
 * <p>The reference boxes were read off the images by eye, from drawings of the detections on a
 * pixel grid, and are tight around each object's visible extent. Each test also draws its
 * detections to {@code java.io.tmpdir/uavstream-models-check/<model>-<image>.png} for a person
 * to check.
 */
class SharedModelDetectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(SharedModelDetectionTest.class);

    private static final float MIN_IOU = 0.8f;

    private static final Map<String, Detection> DOG_JPG = Map.of(
            "dog", box("dog", 132, 220, 303, 538),
            "bicycle", box("bicycle", 126, 137, 566, 420),
            "car", box("car", 467, 76, 692, 170));

    private static final Map<String, Detection> PERSON_JPG = Map.of(
            "person", box("person", 191, 101, 274, 374),
            "dog", box("dog", 66, 264, 204, 343),
            "horse", box("horse", 407, 141, 600, 343));

    private static Detection box(String className, float x1, float y1, float x2, float y2) {
        return new Detection(CocoClasses.NAMES.indexOf(className), className, 1f, x1, y1, x2, y2);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("yolox-nano-416.onnx", "dog.jpg", DOG_JPG),
                Arguments.of("yolox-nano-416.onnx", "person.jpg", PERSON_JPG),
                Arguments.of("nanodet-plus-m-416.onnx", "person.jpg", PERSON_JPG),
                Arguments.of("nanodet-plus-m-416-int8.onnx", "person.jpg", PERSON_JPG));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void realModelFindsReferenceObjects(String model, String image,
            Map<String, Detection> references) throws IOException {
        Path modelFile = SharedData.require("models/" + model);
        BgrImage picture = BgrImages.read(SharedData.require("images/" + image));

        List<Detection> detections;
        try (ObjectDetector detector = ObjectDetectors.open(modelFile, 2)) {
            detections = detector.detect(picture);
        }
        Path drawing = Path.of(System.getProperty("java.io.tmpdir"), "uavstream-models-check",
                model.replace(".onnx", "") + "-" + image.replace(".jpg", ".png"));
        BgrImages.writePng(picture, detections, drawing);
        LOG.info("Detections of {} on {} drawn to {}: {}", model, image, drawing, detections);

        for (Detection reference : references.values()) {
            Optional<Detection> best = detections.stream()
                    .filter(d -> d.className().equals(reference.className()))
                    .max(Comparator.comparingDouble(Detection::score));
            assertThat(best).as("a %s in %s", reference.className(), image).isPresent();
            assertThat(best.get().iou(reference))
                    .as("IoU of the %s box %s with the reference", reference.className(), best.get())
                    .isGreaterThanOrEqualTo(MIN_IOU);
        }
    }

    @Test
    void reusedDetectorMatchesFreshOne() throws IOException {
        Path model = SharedData.require("models/yolox-nano-416.onnx");
        BgrImage dog = BgrImages.read(SharedData.require("images/dog.jpg"));
        BgrImage person = BgrImages.read(SharedData.require("images/person.jpg"));

        List<Detection> reused;
        try (ObjectDetector detector = ObjectDetectors.open(model, 1)) {
            detector.detect(dog);
            reused = detector.detect(person);
        }
        List<Detection> fresh;
        try (ObjectDetector detector = ObjectDetectors.open(model, 1)) {
            fresh = detector.detect(person);
        }

        assertThat(reused).hasSameSizeAs(fresh);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(reused.get(i).className()).isEqualTo(fresh.get(i).className());
            assertThat(reused.get(i).score()).isCloseTo(fresh.get(i).score(), within(1e-4f));
            assertThat(reused.get(i).iou(fresh.get(i))).isGreaterThan(0.99f);
        }
    }
}
