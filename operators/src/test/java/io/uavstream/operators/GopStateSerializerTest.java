package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The explicit state serializers of the GOP retention: formats, copies and serializer snapshots. */
class GopStateSerializerTest {

    /** Telemetry with some measurements absent, so that the presence bits are exercised. */
    private static final FlightTelemetry TELEMETRY = FlightTelemetry.newBuilder()
            .setSampleTimeMicros(Instant.EPOCH.plus(1_700_000_000_050_000L, ChronoUnit.MICROS))
            .setSensorLatitudeDegrees(47.3769)
            .setSensorLongitudeDegrees(8.5417)
            .setHeightAboveGroundMetres(80.5)
            .setPlatformRollDegrees(-1.25)
            .setCameraAttitude(new CameraAttitude(0.0, 1.0, 0.0, 0.0))
            .build();

    @Test
    void retainedUnitSurvivesSerialization() throws IOException {
        RetainedAccessUnit unit = new RetainedAccessUnit(7, 700_000, 600_000, true, 1_700_000_000_000_000L,
                1_700_000_000_123_000L, TELEMETRY, new byte[] {0, 0, 0, 1, 0x65, 9});

        RetainedAccessUnit copy = roundTrip(RetainedAccessUnitSerializer.INSTANCE, unit);

        assertThat(copy.sequence()).isEqualTo(7);
        assertThat(copy.ptsMicros()).isEqualTo(700_000);
        assertThat(copy.dtsMicros()).isEqualTo(600_000);
        assertThat(copy.keyframe()).isTrue();
        assertThat(copy.captureTimeMicros()).isEqualTo(1_700_000_000_000_000L);
        assertThat(copy.publishedAtMicros()).isEqualTo(1_700_000_000_123_000L);
        assertThat(copy.accessUnit()).containsExactly(0, 0, 0, 1, 0x65, 9);
        assertThat(copy.telemetry()).isEqualTo(TELEMETRY);
    }

    @Test
    void retainedUnitOfFirstFormatHasNoTelemetry() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeByte(1);
        out.writeLong(4);
        out.writeLong(400);
        out.writeLong(300);
        out.writeBoolean(true);
        out.writeLong(9);
        out.writeBoolean(false);
        out.writeInt(2);
        out.write(new byte[] {7, 8});

        RetainedAccessUnit unit = RetainedAccessUnitSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(unit.sequence()).isEqualTo(4);
        assertThat(unit.captureTimeMicros()).isEqualTo(9);
        assertThat(unit.telemetry()).isNull();
        assertThat(unit.accessUnit()).containsExactly(7, 8);
    }

    @Test
    void retainedUnitWithoutTimestampSurvives() throws IOException {
        RetainedAccessUnit unit = new RetainedAccessUnit(3, 1, 1, false, 5, null, null, new byte[0]);

        RetainedAccessUnit copy = roundTrip(RetainedAccessUnitSerializer.INSTANCE, unit);

        assertThat(copy.publishedAtMicros()).isNull();
        assertThat(copy.telemetry()).isNull();
        assertThat(copy.keyframe()).isFalse();
        assertThat(copy.accessUnit()).isEmpty();
    }

    @Test
    void replayStateSurvivesSerialization() throws IOException {
        GopReplayState state = new GopReplayState();
        state.restartAtDecoderStart(new StreamParameters("h264", new byte[] {1, 2, 3}, 320, 240));
        state.appended(new RetainedAccessUnit(0, 0, 0, true, 0, null, null, new byte[10]));
        state.appended(new RetainedAccessUnit(1, 100, 100, false, 0, null, null, new byte[4]));
        state.appended(new RetainedAccessUnit(2, 200, 200, true, 0, null, null, new byte[8]));
        state.returned(100, 1);
        state.decoderMayHoldFrames = true;

        GopReplayState copy = roundTrip(GopReplayStateSerializer.INSTANCE, state);

        assertThat(copy.parameters).isEqualTo(state.parameters);
        assertThat(copy.anchoredAtDecoderStart).isTrue();
        assertThat(copy.overLimit).isFalse();
        assertThat(copy.ptsOutOfOrder).isFalse();
        assertThat(copy.accessUnits).isEqualTo(3);
        assertThat(copy.bytes).isEqualTo(22);
        assertThat(copy.keyframes).containsExactly(
                new GopReplayState.KeyframeMark(0, 0), new GopReplayState.KeyframeMark(2, 200));
        assertThat(copy.frameReturned).isTrue();
        assertThat(copy.lastReturnedPts).isEqualTo(100);
        assertThat(copy.lastReturnedSequence).isEqualTo(1);
        assertThat(copy.decoderMayHoldFrames).isTrue();
    }

    @Test
    void replayStateWithoutParametersSurvives() throws IOException {
        GopReplayState state = new GopReplayState();
        state.ptsDisordered();
        state.overflowed();

        GopReplayState copy = roundTrip(GopReplayStateSerializer.INSTANCE, state);

        assertThat(copy.parameters).isNull();
        assertThat(copy.overLimit).isTrue();
        assertThat(copy.ptsOutOfOrder).isTrue();
        assertThat(copy.keyframes).isEmpty();
    }

    @Test
    void codecConfigNullSurvivesSerialization() throws IOException {
        GopReplayState state = new GopReplayState();
        state.restartAtDecoderStart(new StreamParameters("mpeg4", null, 0, 0));

        GopReplayState copy = roundTrip(GopReplayStateSerializer.INSTANCE, state);

        assertThat(copy.parameters.codecConfig()).isNull();
        assertThat(copy.parameters).isEqualTo(state.parameters);
    }

    @Test
    void replayStateCopyIsIndependent() {
        GopReplayState state = new GopReplayState();
        state.restartAtDecoderStart(new StreamParameters("h264", null, 160, 120));
        state.appended(new RetainedAccessUnit(0, 0, 0, true, 0, null, null, new byte[1]));

        GopReplayState copy = GopReplayStateSerializer.INSTANCE.copy(state);
        state.appended(new RetainedAccessUnit(1, 100, 100, true, 0, null, null, new byte[1]));

        assertThat(copy.keyframes).hasSize(1);
        assertThat(copy.accessUnits).isEqualTo(1);
    }

    @Test
    void unknownFormatVersionIsRejected() {
        DataInputDeserializer newer = new DataInputDeserializer(new byte[] {9, 0, 0, 0});

        assertThatThrownBy(() -> RetainedAccessUnitSerializer.INSTANCE.deserialize(newer))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown format version 9");
        assertThatThrownBy(() -> GopReplayStateSerializer.INSTANCE.deserialize(new DataInputDeserializer(new byte[] {9})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unknown format version 9");
    }

    @Test
    void serializerSnapshotsRestoreCompatibleSerializers() throws IOException {
        assertSnapshotRestores(RetainedAccessUnitSerializer.INSTANCE);
        assertSnapshotRestores(GopReplayStateSerializer.INSTANCE);
    }

    private static <T> void assertSnapshotRestores(TypeSerializer<T> serializer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<T> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), GopStateSerializerTest.class.getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .as("compatibility of %s with its restored snapshot", serializer)
                .isTrue();
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T copy = serializer.deserialize(in);
        assertThat(in.available()).as("bytes left after deserializing").isZero();
        return copy;
    }
}
