package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.analytics.TrackAnalytics;
import io.uavstream.analytics.TrackAnalyticsConfig;
import io.uavstream.analytics.TrackObservation;
import io.uavstream.analytics.definition.DefinitionParser;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Round trips and version checks of {@link DroneAnalyticsTypeSerializer}. */
class DroneAnalyticsTypeSerializerTest {

    @Test
    void stateRoundTripsExactly() throws Exception {
        DroneAnalytics state = sampleState();

        DroneAnalytics read = roundTrip(state);

        assertThat(read).isEqualTo(state);
        assertThat(read.analytics().tracks()).hasSize(2);
    }

    @Test
    void unknownFormatVersionIsRejected() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        DroneAnalyticsTypeSerializer.INSTANCE.serialize(sampleState(), out);
        byte[] bytes = out.getCopyOfBuffer();
        bytes[0] = (byte) (DroneAnalyticsTypeSerializer.FORMAT_VERSION + 1);

        assertThatThrownBy(() -> DroneAnalyticsTypeSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unsupported drone analytics state version 2");
    }

    @Test
    void sameVersionSnapshotIsCompatible() {
        var current = DroneAnalyticsTypeSerializer.INSTANCE.snapshotConfiguration();

        assertThat(current.resolveSchemaCompatibility(DroneAnalyticsTypeSerializer.INSTANCE.snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();
    }

    @Test
    void newerVersionSnapshotIsIncompatible() {
        var current = DroneAnalyticsTypeSerializer.INSTANCE.snapshotConfiguration();
        var newer = new DroneAnalyticsTypeSerializer.Snapshot(DroneAnalyticsTypeSerializer.FORMAT_VERSION + 1);

        TypeSerializerSchemaCompatibility<DroneAnalytics> result = current.resolveSchemaCompatibility(newer);

        assertThat(result.isIncompatible()).isTrue();
    }

    private static DroneAnalytics sampleState() throws Exception {
        TrackAnalytics analytics = TrackAnalytics.create("drone-z", TrackAnalyticsConfig.builder().build(),
                DefinitionParser.parse(ZoneScene.DEFINITIONS, "drone-z"));
        analytics.update(1_000_000, List.of(TrackObservation.of(1, "car", 100, 180, 140, 220),
                TrackObservation.of(2, "person", 140, 150, 160, 200)));
        TreeMap<Long, Long> lastMatched = new TreeMap<>();
        lastMatched.put(1L, 1_000_000L);
        lastMatched.put(2L, 1_000_000L);
        return new DroneAnalytics("s1", analytics.snapshot(), lastMatched);
    }

    private static DroneAnalytics roundTrip(DroneAnalytics state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        DroneAnalyticsTypeSerializer.INSTANCE.serialize(state, out);
        return DroneAnalyticsTypeSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
