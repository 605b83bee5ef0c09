package io.uavstream.tracking.bytetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rules specific to {@link ByteTracker}. The shared behaviour is in {@link ByteTrackerContractTest}. */
class ByteTrackerTest {

    private static final long FRAME_MICROS = 33_333;

    @Test
    void firstIdsFollowScoreOrder() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());

        List<Track> tracks = tracker.update(0, List.of(detection(0, 100, 0.7), detection(0, 300, 0.95),
                detection(0, 500, 0.8)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L, 2L, 3L);
        assertThat(tracks).extracting(Track::detectionIndex).containsExactly(1, 2, 0);
    }

    @Test
    void tentativeUntilConfirmTimePasses() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.builder().confirmTime(Duration.ofMillis(100)).build());

        List<TrackState> states = new ArrayList<>();
        for (int frame = 0; frame < 5; frame++) {
            List<Track> tracks = tracker.update(frame * 25_000L, List.of(detection(0, 100, 0.9)), Optional.empty());
            states.add(tracks.get(0).state());
        }

        assertThat(states).containsExactly(TrackState.TENTATIVE, TrackState.TENTATIVE, TrackState.TENTATIVE,
                TrackState.TENTATIVE, TrackState.CONFIRMED);
    }

    @Test
    void zeroConfirmTimeConfirmsAtOnce() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.builder().confirmTime(Duration.ZERO).build());

        List<Track> tracks = tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        assertThat(tracks).extracting(Track::state).containsExactly(TrackState.CONFIRMED);
    }

    @Test
    void unmatchedTentativeTrackRemovedOnce() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> removal = tracker.update(FRAME_MICROS, List.of(), Optional.empty());
        List<Track> after = tracker.update(2 * FRAME_MICROS, List.of(), Optional.empty());

        assertThat(removal).extracting(Track::state).containsExactly(TrackState.REMOVED);
        assertThat(after).isEmpty();
    }

    @Test
    void perClassMatchingStartsTrackOnClassChange() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().perClassMatching(true).build());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(detection(1, 100, 0.9)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L, 2L);
        assertThat(tracks).extracting(Track::state).containsExactly(TrackState.LOST, TrackState.CONFIRMED);
    }

    @Test
    void classAgnosticMatchingAdoptsNewClass() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().perClassMatching(false).build());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(detection(1, 100, 0.9)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L);
        assertThat(tracks).extracting(Track::classId).containsExactly(1);
    }

    @Test
    void matchMarginKeepsSmallBoxMatched() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().matchMarginPixels(2).build());
        tracker.update(0, List.of(smallDetection(100)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(smallDetection(103)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L);
        assertThat(tracks).extracting(Track::detectionIndex).containsExactly(0);
    }

    @Test
    void plainIouLosesShiftedSmallBox() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().matchMarginPixels(0).build());
        tracker.update(0, List.of(smallDetection(100)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(smallDetection(103)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L, 2L);
        assertThat(tracks).extracting(Track::state).containsExactly(TrackState.LOST, TrackState.CONFIRMED);
    }

    @Test
    void fullTrackerEvictsLongestLostTrack() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().maxTracks(2).build());
        tracker.update(0, List.of(detection(0, 100, 0.9), detection(0, 300, 0.8)), Optional.empty());
        tracker.update(FRAME_MICROS, List.of(detection(0, 300, 0.8)), Optional.empty());
        tracker.update(2 * FRAME_MICROS, List.of(), Optional.empty());

        List<Track> tracks = tracker.update(3 * FRAME_MICROS, List.of(detection(0, 600, 0.9)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L, 2L, 3L);
        assertThat(tracks).extracting(Track::state)
                .containsExactly(TrackState.REMOVED, TrackState.LOST, TrackState.CONFIRMED);
        assertThat(tracker.snapshot().counters().evictedTracks()).isEqualTo(1);
    }

    @Test
    void fullTrackerWithoutLostTrackSkipsDetection() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().maxTracks(1).build());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(detection(0, 100, 0.9), detection(0, 500, 0.95)),
                Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L);
        assertThat(tracker.snapshot().counters().skippedNewTracks()).isEqualTo(1);
    }

    @Test
    void restoreBeyondLowerLimitEvictsLostFirst() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().build());
        tracker.update(0, List.of(detection(0, 100, 0.9), detection(0, 300, 0.9), detection(0, 500, 0.9)),
                Optional.empty());
        tracker.update(FRAME_MICROS, List.of(detection(0, 100, 0.9), detection(0, 500, 0.9)), Optional.empty());

        MultiObjectTracker restored = Trackers.restore(confirmedAtOnce().maxTracks(2).build(), tracker.snapshot());

        TrackerState state = restored.snapshot();
        assertThat(state.tracks()).extracting(track -> track.trackId()).containsExactly(1L, 3L);
        assertThat(state.counters().evictedTracks()).isEqualTo(1);
    }

    @Test
    void homographyShiftsPredictionWithCompensation() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().cameraMotionCompensation(true).build());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(), Optional.of(Homography.translation(-70, 0)));

        assertThat(tracks.get(0).box().centerX()).isEqualTo(30);
    }

    @Test
    void homographyIgnoredWithoutCompensation() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().cameraMotionCompensation(false).build());
        tracker.update(0, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(FRAME_MICROS, List.of(), Optional.of(Homography.translation(-70, 0)));

        assertThat(tracks.get(0).box().centerX()).isEqualTo(100);
    }

    @Test
    void unmappableWarpCounted() {
        MultiObjectTracker tracker = Trackers.create(confirmedAtOnce().build());
        tracker.update(0, List.of(detection(0, 200, 0.9)), Optional.empty());
        // w = 1 - 0.01 x puts the horizon line at x = 100, left of the track at x = 200.
        Homography perspective = Homography.of(1, 0, 0, 0, 1, 0, -0.01, 0, 1);

        tracker.update(FRAME_MICROS, List.of(), Optional.of(perspective));

        assertThat(tracker.snapshot().counters().skippedCameraWarps()).isEqualTo(1);
    }

    @Test
    void ageAndHitsCountCaptureTime() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        List<Track> tracks = List.of();
        for (int frame = 0; frame <= 10; frame++) {
            tracks = tracker.update(frame * 50_000L, List.of(detection(0, 100, 0.9)), Optional.empty());
        }

        assertThat(tracks.get(0).ageSeconds()).isEqualTo(0.5);
        assertThat(tracks.get(0).hits()).isEqualTo(11);
    }

    @Test
    void earlierCaptureTimeRejected() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        tracker.update(1_000_000, List.of(), Optional.empty());

        assertThatThrownBy(() -> tracker.update(999_999, List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999 us is before the previous update's 1000000 us");
    }

    @Test
    void repeatedCaptureTimeAccepted() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        tracker.update(1_000_000, List.of(detection(0, 100, 0.9)), Optional.empty());

        List<Track> tracks = tracker.update(1_000_000, List.of(detection(0, 100, 0.9)), Optional.empty());

        assertThat(tracks).extracting(Track::trackId).containsExactly(1L);
    }

    @Test
    void nullDetectionRejected() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        List<TrackerDetection> detections = new ArrayList<>();
        detections.add(null);

        assertThatThrownBy(() -> tracker.update(0, detections, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Detection 0 must not be null");
    }

    private static TrackerConfig.Builder confirmedAtOnce() {
        return TrackerConfig.builder().confirmTime(Duration.ZERO);
    }

    /** Returns a 4 px square detection of class 0 centred at ({@code centerX}, 200), as a distant pedestrian. */
    private static TrackerDetection smallDetection(double centerX) {
        return new TrackerDetection(0, 0.9, Box.ofCenter(centerX, 200, 4, 4));
    }

    /** Returns a 40 px square detection centred at ({@code centerX}, 200). */
    private static TrackerDetection detection(int classId, double centerX, double score) {
        return new TrackerDetection(classId, score, Box.ofCenter(centerX, 200, 40, 40));
    }
}
