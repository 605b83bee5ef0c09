package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.geometry.Box;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackOutputTest {

    private final TrackOutput output = new TrackOutput(Duration.ofMillis(200), 640, 480);

    @Test
    void confirmedTrackReportedWithItsBox() {
        List<MotRecord> rows = output.rows(1, 0, List.of(track(TrackState.CONFIRMED, 0)));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).trackId()).isEqualTo(7);
        assertThat(rows.get(0).box().left()).isEqualTo(100);
        assertThat(rows.get(0).box().width()).isEqualTo(20);
    }

    @Test
    void tentativeTrackNotReported() {
        assertThat(output.rows(1, 0, List.of(track(TrackState.TENTATIVE, 0)))).isEmpty();
    }

    @Test
    void lostTrackReportedWithinCoastTime() {
        output.rows(1, 0, List.of(track(TrackState.CONFIRMED, 0)));

        List<MotRecord> coasting = output.rows(2, 200_000, List.of(track(TrackState.LOST, Track.NO_DETECTION)));
        List<MotRecord> expired = output.rows(3, 300_000, List.of(track(TrackState.LOST, Track.NO_DETECTION)));

        assertThat(coasting).hasSize(1);
        assertThat(expired).isEmpty();
    }

    @Test
    void boxClippedToImage() {
        Track partlyOutside = new Track(7, 4, new Box(-10, 470, 30, 490), 0.9, TrackState.CONFIRMED, 1, 3, 0);

        MotRecord row = output.rows(1, 0, List.of(partlyOutside)).get(0);

        assertThat(row.box().left()).isZero();
        assertThat(row.box().width()).isEqualTo(30);
        assertThat(row.box().height()).isEqualTo(10);
    }

    @Test
    void boxOutsideImageNotReported() {
        Track outside = new Track(7, 4, new Box(650, 10, 670, 30), 0.9, TrackState.CONFIRMED, 1, 3, 0);

        assertThat(output.rows(1, 0, List.of(outside))).isEmpty();
    }

    private static Track track(TrackState state, int detectionIndex) {
        return new Track(7, 4, new Box(100, 200, 120, 230), 0.9, state, 1, 3, detectionIndex);
    }
}
