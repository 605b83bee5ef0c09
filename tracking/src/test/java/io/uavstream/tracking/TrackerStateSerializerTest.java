package io.uavstream.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.tracking.testing.BusyScene;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TrackerStateSerializerTest {

    /** Bytes before the first track: version, next ID, time flag and time, three counters, count. */
    private static final int HEADER_BYTES = 1 + 8 + 1 + 8 + 3 * 8 + 4;
    private static final int TRACK_BYTES = 8 + 4 + 1 + 8 + 8 + 8 + 4 + 8 * 8 + 36 * 8;

    @Test
    void busyStateRoundTripsEqual() throws IOException {
        TrackerState state = busyState();

        TrackerState copy = TrackerStateSerializer.fromBytes(TrackerStateSerializer.toBytes(state));

        assertThat(state.tracks()).isNotEmpty();
        assertThat(copy).isEqualTo(state);
    }

    @Test
    void initialStateRoundTripsEqual() throws IOException {
        byte[] bytes = TrackerStateSerializer.toBytes(TrackerState.initial());

        assertThat(TrackerStateSerializer.fromBytes(bytes)).isEqualTo(TrackerState.initial());
    }

    @Test
    void sizeIsHeaderPlusFixedBytesPerTrack() {
        TrackerState state = busyState();

        byte[] bytes = TrackerStateSerializer.toBytes(state);

        assertThat(bytes).hasSize(HEADER_BYTES + TRACK_BYTES * state.tracks().size());
    }

    @Test
    void firstByteIsFormatVersion() {
        byte[] bytes = TrackerStateSerializer.toBytes(TrackerState.initial());

        assertThat(bytes[0]).isEqualTo(TrackerStateSerializer.CURRENT_VERSION);
    }

    @Test
    void unknownVersionRejected() {
        byte[] bytes = TrackerStateSerializer.toBytes(busyState());
        bytes[0] = 9;

        assertThatThrownBy(() -> TrackerStateSerializer.fromBytes(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Unsupported TrackerState format version 9; this build reads version 1 only.");
    }

    @Test
    void truncatedInputRejected() {
        byte[] bytes = TrackerStateSerializer.toBytes(busyState());

        assertThatThrownBy(() -> TrackerStateSerializer.fromBytes(Arrays.copyOf(bytes, bytes.length - 5)))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void trailingBytesRejected() {
        byte[] bytes = TrackerStateSerializer.toBytes(busyState());

        assertThatThrownBy(() -> TrackerStateSerializer.fromBytes(Arrays.copyOf(bytes, bytes.length + 3)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("3 bytes remain");
    }

    @Test
    void negativeTrackCountRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeLong(1);
        out.writeBoolean(false);
        out.writeLong(0);
        out.writeLong(0);
        out.writeLong(0);
        out.writeInt(-4);

        assertThatThrownBy(() -> TrackerStateSerializer.fromBytes(bytes.toByteArray()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("track count -4");
    }

    @Test
    void inconsistentContentRejected() {
        TrackerState state = busyState();
        TrackerState shifted = new TrackerState(1, state.lastCaptureTimeMicros(), state.counters(), List.of());
        byte[] bytes = TrackerStateSerializer.toBytes(state);
        byte[] header = TrackerStateSerializer.toBytes(shifted);
        // Overwrite nextTrackId with 1, below the IDs of the tracks that follow.
        System.arraycopy(header, 1, bytes, 1, 8);

        assertThatThrownBy(() -> TrackerStateSerializer.fromBytes(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Invalid TrackerState: Track ID");
    }

    @Test
    void snapshotCopiesArrays() {
        TrackSnapshot track = busyState().tracks().get(0);
        double before = track.mean()[0];

        track.mean()[0] = before + 100;

        assertThat(track.mean()[0]).isEqualTo(before);
    }

    @Test
    void asymmetricCovarianceRejected() {
        TrackSnapshot track = busyState().tracks().get(0);
        double[] covariance = track.covariance();
        covariance[1] += 1;

        assertThatThrownBy(() -> new TrackSnapshot(track.trackId(), track.classId(), track.state(), track.score(),
                        track.firstSeenMicros(), track.lastMatchedMicros(), track.hits(), track.mean(), covariance))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
    }

    @Test
    void unorderedTracksRejected() {
        List<TrackSnapshot> tracks = busyState().tracks();
        List<TrackSnapshot> reversed = List.of(tracks.get(1), tracks.get(0));

        assertThatThrownBy(() -> new TrackerState(100, OptionalLong.of(Long.MAX_VALUE), TrackerCounters.ZERO, reversed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    private static TrackerState busyState() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        for (BusyScene.Frame frame : BusyScene.generate(31, 12, 60, true)) {
            tracker.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion());
        }
        return tracker.snapshot();
    }
}
