package io.uavstream.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionStatsTest {

    @Test
    void percentileUsesNearestRank() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(DetectionStats.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(DetectionStats.percentile(sorted, 0.99)).isEqualTo(100);
        assertThat(DetectionStats.percentile(new long[0], 0.5)).isZero();
    }

    @Test
    void statsCountBoxesAndLatency() {
        // Frame i is published at i * 100 ms and analysed 40 ms (frame 0) or 60 ms (frame 1) later.
        List<FrameDetections> frames = List.of(frame(0, 100_000, 140_000, "person", "person"),
                frame(1, 200_000, 260_000, "car"));

        DetectionStats stats = DetectionStats.of(frames);

        assertThat(stats.frames()).isEqualTo(2);
        assertThat(stats.boxesPerClass()).containsEntry("person", 2L).containsEntry("car", 1L);
        assertThat(stats.latencyP50Millis()).isEqualTo(40.0);
        assertThat(stats.latencyP99Millis()).isEqualTo(60.0);
        // Two frames from the first publication (100 ms) to the last analysis (260 ms).
        assertThat(stats.analysedFps()).isCloseTo(2 / 0.160, within(1e-9));
    }

    @Test
    void tracksCountDistinctDroneTrackPairs() {
        FrameDetections first = frame(0, 100_000, 140_000, "car", "car");
        first.getBoxes().get(0).setTrackId(4L);
        FrameDetections second = frame(1, 200_000, 260_000, "car");
        second.getBoxes().get(0).setTrackId(4L);
        FrameDetections otherDrone = frame(2, 300_000, 360_000, "car");
        otherDrone.setDroneId("drone-2");
        otherDrone.getBoxes().get(0).setTrackId(4L);

        DetectionStats stats = DetectionStats.of(List.of(first, second, otherDrone));

        assertThat(stats.tracks()).isEqualTo(2);
    }

    @Test
    void framesAreCountedPerModel() {
        FrameDetections before = frame(0, 100_000, 140_000, "car");
        FrameDetections after = frame(1, 200_000, 260_000, "car");
        after.setModelId("uavdet-416");
        FrameDetections later = frame(2, 300_000, 360_000);
        later.setModelId("uavdet-416");

        DetectionStats stats = DetectionStats.of(List.of(before, after, later));

        assertThat(stats.framesPerModel()).containsExactly(entry("m", 1L), entry("uavdet-416", 2L));
    }

    private static FrameDetections frame(long sequence, long publishedMicros, long analysedMicros, String... classes) {
        List<DetectedBox> boxes = java.util.Arrays.stream(classes)
                .map(name -> DetectedBox.newBuilder().setClassId(0).setClassName(name).setScore(0.9f)
                        .setX1(0).setY1(0).setX2(10).setY2(10)
                        .setX1Norm(0).setY1Norm(0).setX2Norm(0.1f).setY2Norm(0.1f).build())
                .toList();
        return FrameDetections.newBuilder()
                .setDroneId("drone-1").setSessionId("s").setFrameSequence(sequence).setPtsMicros(sequence)
                .setCaptureTimeMicros(Instant.EPOCH).setModelId("m").setFrameWidth(100).setFrameHeight(100)
                .setBoxes(boxes).setPublishedAtMicros(publishedMicros).setAnalysedAtMicros(analysedMicros)
                .build();
    }
}
