package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.geometry.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackStatisticsTest {

    private static Track confirmed(long trackId, Box box) {
        return new Track(trackId, 0, box, 0.9, TrackState.CONFIRMED, 0, 1, 0);
    }

    @Test
    void newTrackNearEndedOneIsBreak() {
        TrackStatistics statistics = new TrackStatistics();
        statistics.accept(0, List.of(confirmed(1, new Box(100, 100, 120, 160))));
        statistics.accept(1_000_000, List.of(confirmed(2, new Box(110, 110, 130, 170))));

        assertThat(statistics.trackCount()).isEqualTo(2);
        assertThat(statistics.probableBreaks()).isEqualTo(1);
    }

    @Test
    void newTrackAfterWindowIsNoBreak() {
        TrackStatistics statistics = new TrackStatistics();
        statistics.accept(0, List.of(confirmed(1, new Box(100, 100, 120, 160))));
        statistics.accept(3_000_000, List.of(confirmed(2, new Box(100, 100, 120, 160))));

        assertThat(statistics.probableBreaks()).isZero();
    }

    @Test
    void distantNewTrackIsNoBreak() {
        TrackStatistics statistics = new TrackStatistics();
        statistics.accept(0, List.of(confirmed(1, new Box(100, 100, 120, 160))));
        statistics.accept(500_000, List.of(confirmed(2, new Box(300, 100, 320, 160))));

        assertThat(statistics.probableBreaks()).isZero();
    }

    @Test
    void durationsCountFromFirstToLastFrame() {
        TrackStatistics statistics = new TrackStatistics();
        Box box = new Box(0, 0, 10, 10);
        statistics.accept(0, List.of(confirmed(1, box)));
        statistics.accept(2_000_000, List.of(confirmed(1, box)));

        assertThat(statistics.tracksLastingAtLeast(1.0)).isEqualTo(1);
        assertThat(statistics.medianDurationSeconds()).isEqualTo(2.0);
    }
}
