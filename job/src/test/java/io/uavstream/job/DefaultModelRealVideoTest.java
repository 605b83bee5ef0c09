package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.DefaultModel;
import io.uavstream.models.testing.SharedData;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the bundled detector finds persons in real footage. On the frame of
 * {@code vtest.avi} at 10.0 s, the job with the default model ({@code uavstream run} without
 * {@code --model}) finds at least 4 of the persons that the teacher NanoDet-Plus finds there with
 * a score of at least 0.5, matched at IoU 0.5. That frame lies in the first 20 s of the video,
 * which the distillation of the default model never trained on (docs/models.md). Skipped where
 * the shared test data is absent.
 */
class DefaultModelRealVideoTest {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultModelRealVideoTest.class);

    /** PTS of the checked frame: 10.0 s. */
    private static final long CHECKED_PTS_MICROS = 10_000_000L;

    /** Packets published after the checked frame, so that a decoder delay cannot hold it back. */
    private static final long TRAILING_MICROS = 500_000L;

    private static final float TEACHER_MIN_SCORE = 0.5f;

    private static final double MATCH_IOU = 0.5;

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineHarness.oneSlotCluster();

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void defaultModelFindsTeacherPersonsAtTenSeconds(@TempDir Path cache) throws Exception {
        Path video = SharedData.require("video/vtest.avi");
        Path teacher = SharedData.require("models/nanodet-plus-m-416.onnx");
        List<DetectedBox> teacherPersons = persons(detectAtTenSeconds(video, teacher, "teacher"))
                .stream()
                .filter(box -> box.getScore() >= TEACHER_MIN_SCORE)
                .toList();

        FrameDetections frame = detectAtTenSeconds(video, DefaultModel.extractTo(cache), "default");
        List<DetectedBox> found = persons(frame);
        long matched = teacherPersons.stream()
                .filter(person -> found.stream().anyMatch(box -> iou(box, person) >= MATCH_IOU))
                .count();
        LOG.info("{} found {} of the {} NanoDet-Plus persons (score >= {}) at 10.0 s", DefaultModel.ID,
                matched, teacherPersons.size(), TEACHER_MIN_SCORE);

        assertThat(frame.getModelId()).isEqualTo(DefaultModel.ID);
        assertThat(teacherPersons).hasSizeGreaterThanOrEqualTo(4);
        assertThat(matched).as("teacher persons %s, default model persons %s", teacherPersons, found)
                .isGreaterThanOrEqualTo(4);
    }

    private static FrameDetections detectAtTenSeconds(Path video, Path model, String name) throws Exception {
        PipelineHarness harness = new PipelineHarness(kafka, "vtest-default-model-" + name);
        harness.publishUpTo(video, CHECKED_PTS_MICROS + TRAILING_MICROS);
        harness.run(harness.options(model).build());
        FrameDetections frame = harness.committedDetections().stream()
                .min(Comparator.comparingLong(f -> Math.abs(f.getPtsMicros() - CHECKED_PTS_MICROS)))
                .orElseThrow(() -> new AssertionError("The job wrote no detections with " + model));
        assertThat(frame.getPtsMicros()).isEqualTo(CHECKED_PTS_MICROS);
        return frame;
    }

    private static List<DetectedBox> persons(FrameDetections frame) {
        return frame.getBoxes().stream().filter(box -> box.getClassName().equals("person")).toList();
    }

    private static double iou(DetectedBox a, DetectedBox b) {
        double width = Math.max(0, Math.min(a.getX2(), b.getX2()) - Math.max(a.getX1(), b.getX1()));
        double height = Math.max(0, Math.min(a.getY2(), b.getY2()) - Math.max(a.getY1(), b.getY1()));
        double intersection = width * height;
        double union = area(a) + area(b) - intersection;
        return union > 0 ? intersection / union : 0;
    }

    private static double area(DetectedBox box) {
        return (box.getX2() - box.getX1()) * (box.getY2() - box.getY1());
    }

}
