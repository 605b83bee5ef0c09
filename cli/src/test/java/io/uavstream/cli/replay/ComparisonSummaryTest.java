package io.uavstream.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import io.uavstream.schemas.TrackBox;
import io.uavstream.schemas.TrackEventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores hand-made replay output: one object over ten frames, tracked with one or two IDs. */
class ComparisonSummaryTest {

    @Test
    void identicalRunsHaveNoIdSwitch() {
        ComparisonSummary summary = ComparisonSummary.of(side("a", frames(7, 7)), side("b", frames(7, 7)));

        assertThat(summary.idSwitches()).isZero();
        assertThat(summary.candidateAgainstReference().identity().idf1()).isEqualTo(1.0);
    }

    @Test
    void newIdMidwayCountsOneSwitch() {
        ComparisonSummary summary = ComparisonSummary.of(side("a", frames(7, 7)), side("b", frames(7, 8)));

        assertThat(summary.idSwitches()).isEqualTo(1);
    }

    @Test
    void printedSummaryShowsSwitches() {
        ComparisonSummary summary = ComparisonSummary.of(side("a", frames(7, 7)), side("b", frames(7, 8)));
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        summary.print(new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("ID switches 1").contains("car");
    }

    @Test
    void detectionsAreCountedPerClass() {
        ComparisonSummary.Side side = side("a", frames(7, 7));

        assertThat(side.detectionsPerClass()).containsEntry("car", 10L);
        assertThat(side.tracks()).isEqualTo(1);
    }

    @Test
    void trackWithoutStartInRangeCounts() {
        ComparisonSummary.Side side = ComparisonSummary.Side.of("a", "replay-a", frames(7, 7),
                List.of(event(TrackEventType.UPDATED), event(TrackEventType.ENDED)));

        assertThat(side.tracks()).isEqualTo(1);
    }

    /** Ten frames of one car moving right; the track ID changes from {@code first} to {@code second} at frame 5. */
    private static List<FrameDetections> frames(long first, long second) {
        List<FrameDetections> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            float x = 100 + 5 * i;
            DetectedBox box = new DetectedBox(2, "car", 0.9f, x, 100f, x + 40, 130f, 0f, 0f, 0f, 0f,
                    i < 5 ? first : second);
            frames.add(FrameDetections.newBuilder()
                    .setDroneId("drone-1")
                    .setSessionId("s")
                    .setFrameSequence(i)
                    .setPtsMicros(i * 100_000L)
                    .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:00Z").plusMillis(100L * i))
                    .setModelId("m")
                    .setFrameWidth(640)
                    .setFrameHeight(480)
                    .setBoxes(List.of(box))
                    .build());
        }
        return frames;
    }

    private static ComparisonSummary.Side side(String modelId, List<FrameDetections> frames) {
        return ComparisonSummary.Side.of(modelId, "replay-" + modelId, frames, List.of(event(TrackEventType.STARTED)));
    }

    /** Returns an event of track 7 of drone-1. */
    private static TrackEvent event(TrackEventType type) {
        return TrackEvent.newBuilder()
                .setDroneId("drone-1")
                .setSessionId("s")
                .setEventType(type)
                .setTrackId(7)
                .setClassId(2)
                .setClassName("car")
                .setFrameSequence(0)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:00Z"))
                .setScore(0.9f)
                .setBox(new TrackBox(100f, 100f, 140f, 130f))
                .build();
    }
}
