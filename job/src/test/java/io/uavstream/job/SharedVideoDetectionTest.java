package io.uavstream.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.testing.SharedData;
import io.uavstream.schemas.FrameDetections;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the job with the real NanoDet-Plus and YOLOX-nano models over real footage of pedestrians
 * (vtest.avi, 768x576 at 10 fps). Skipped where the shared test data is absent.
 */
class SharedVideoDetectionTest {

    /** PTS of the checked frame: 10.0 s. */
    private static final long CHECKED_PTS_MICROS = 10_000_000L;

    /** Packets published after the checked frame, so that a decoder delay cannot hold it back. */
    private static final long TRAILING_MICROS = 500_000L;

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

    @ParameterizedTest
    @ValueSource(strings = {"models/nanodet-plus-m-416.onnx", "models/yolox-nano-416.onnx"})
    void modelFindsFivePersonsAtTenSeconds(String modelFile) throws Exception {
        Path video = SharedData.require("video/vtest.avi");
        Path model = SharedData.require(modelFile);
        PipelineHarness harness = new PipelineHarness(kafka, "vtest-" + modelFile.replaceAll("\\W", "-"));
        harness.publishUpTo(video, CHECKED_PTS_MICROS + TRAILING_MICROS);

        harness.run(harness.options(model).build());
        FrameDetections frame = frameNearest(harness.committedDetections(), CHECKED_PTS_MICROS);
        long persons = frame.getBoxes().stream()
                .filter(box -> box.getClassName().equals("person"))
                .filter(box -> box.getScore() >= 0.5f)
                .count();

        assertThat(frame.getPtsMicros()).isEqualTo(CHECKED_PTS_MICROS);
        assertThat(persons).isGreaterThanOrEqualTo(5);
    }


    private static FrameDetections frameNearest(List<FrameDetections> frames, long ptsMicros) {
        return frames.stream()
                .min(Comparator.comparingLong(frame -> Math.abs(frame.getPtsMicros() - ptsMicros)))
                .orElseThrow(() -> new AssertionError("The job wrote no detections"));
    }
}
