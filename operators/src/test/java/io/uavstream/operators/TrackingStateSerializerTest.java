package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.schemas.DetectedBox;
import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.TrackerStateSerializer;
import io.uavstream.tracking.Trackers;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The explicit state formats of {@link TrackFunction}: tracker state and track history. */
class TrackingStateSerializerTest {

    @Test
    void trackerStateRoundTrips() throws IOException {
        TrackerState state = trackerStateWithTracks();

        assertThat(roundTrip(TrackerStateTypeSerializer.INSTANCE, state)).isEqualTo(state);
    }

    @Test
    void trackerStateIsWrittenInTrackingFormat() throws IOException {
        TrackerState state = trackerStateWithTracks();
        DataOutputSerializer out = new DataOutputSerializer(1024);

        TrackerStateTypeSerializer.INSTANCE.serialize(state, out);

        assertThat(out.getCopyOfBuffer()).isEqualTo(TrackerStateSerializer.toBytes(state));
    }

    @Test
    void snapshotRestoresWithFormatVersion() throws IOException {
        TypeSerializerSnapshot<TrackerState> snapshot = TrackerStateTypeSerializer.INSTANCE.snapshotConfiguration();

        TypeSerializerSnapshot<TrackerState> restored = restoreSnapshot(snapshot);

        assertThat(restored).isInstanceOf(TrackerStateTypeSerializer.Snapshot.class);
        assertThat(((TrackerStateTypeSerializer.Snapshot) restored).formatVersion())
                .isEqualTo(TrackerStateSerializer.CURRENT_VERSION);
        assertThat(restored.restoreSerializer()).isSameAs(TrackerStateTypeSerializer.INSTANCE);
        assertThat(snapshot.resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }

    @Test
    void olderFormatNeedsMigration() {
        var current = new TrackerStateTypeSerializer.Snapshot(2);
        var older = new TrackerStateTypeSerializer.Snapshot(1);

        assertThat(current.resolveSchemaCompatibility(older).isCompatibleAfterMigration()).isTrue();
    }

    @Test
    void newerFormatIsIncompatible() {
        var current = new TrackerStateTypeSerializer.Snapshot(TrackerStateSerializer.CURRENT_VERSION);
        var newer = new TrackerStateTypeSerializer.Snapshot(TrackerStateSerializer.CURRENT_VERSION + 1);

        assertThat(current.resolveSchemaCompatibility(newer).isIncompatible()).isTrue();
    }

    @Test
    void newerFormatRecordIsRejected() {
        byte[] bytes = TrackerStateSerializer.toBytes(TrackerState.initial());
        bytes[0] = (byte) (TrackerStateSerializer.CURRENT_VERSION + 1);

        assertThatThrownBy(() -> TrackerStateTypeSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unsupported TrackerState format version");
    }

    @Test
    void trackHistoryRoundTrips() throws IOException {
        DroneTrackHistory history = new DroneTrackHistory();
        history.sessionId = "s1";
        TrackHistory track = TrackHistory.start(7, box(10, 20), 1_000_000, 3);
        track.matched(box(13, 24), 1_100_000, 4);
        track.started = true;
        track.lastEventMicros = 1_100_000;
        history.tracks.put(7L, track);
        history.tracks.put(9L, TrackHistory.start(9, box(100, 100), 1_100_000, 4));

        DroneTrackHistory copy = roundTrip(DroneTrackHistorySerializer.INSTANCE, history);

        assertThat(copy.sessionId).isEqualTo("s1");
        assertThat(copy.tracks.keySet()).containsExactly(7L, 9L);
        assertThat(copy.tracks.get(7L)).usingRecursiveComparison().isEqualTo(track);
        assertThat(copy.tracks.get(7L).pathLengthPixels).isEqualTo(5.0);
    }

    @Test
    void emptyTrackHistoryRoundTrips() throws IOException {
        DroneTrackHistory copy = roundTrip(DroneTrackHistorySerializer.INSTANCE, new DroneTrackHistory());

        assertThat(copy.sessionId).isNull();
        assertThat(copy.tracks).isEmpty();
    }

    @Test
    void trackHistoryCopyIsDeep() {
        DroneTrackHistory history = new DroneTrackHistory();
        history.tracks.put(1L, TrackHistory.start(1, box(0, 0), 0, 0));

        DroneTrackHistory copy = DroneTrackHistorySerializer.INSTANCE.copy(history);
        copy.tracks.get(1L).frames = 99;

        assertThat(history.tracks.get(1L).frames).isEqualTo(1);
    }

    private static TrackerState trackerStateWithTracks() {
        MultiObjectTracker tracker = Trackers.create(TrackerConfig.defaults());
        List<TrackerDetection> detections = List.of(
                new TrackerDetection(0, 0.9, new Box(10, 10, 50, 90)),
                new TrackerDetection(2, 0.8, new Box(200, 50, 260, 90)));
        tracker.update(0, detections, Optional.empty());
        tracker.update(100_000, detections, Optional.of(Homography.translation(1, 0)));
        return tracker.snapshot();
    }

    private static DetectedBox box(float x, float y) {
        return DetectedBox.newBuilder().setClassId(0).setClassName("person").setScore(0.9f)
                .setX1(x).setY1(y).setX2(x + 10).setY2(y + 20)
                .setX1Norm(0).setY1Norm(0).setX2Norm(0).setY2Norm(0).build();
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static <T> TypeSerializerSnapshot<T> restoreSnapshot(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                TrackingStateSerializerTest.class.getClassLoader());
    }
}
