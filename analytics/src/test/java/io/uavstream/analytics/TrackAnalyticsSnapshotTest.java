package io.uavstream.analytics;

import static io.uavstream.analytics.Scenes.DRONE;
import static io.uavstream.analytics.Scenes.frameTime;
import static io.uavstream.analytics.Scenes.pixelLine;
import static io.uavstream.analytics.Scenes.pixelZone;
import static io.uavstream.analytics.Scenes.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.event.AnalyticsEventType;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.state.AnalyticsState;
import io.uavstream.analytics.state.AnalyticsStateSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackAnalyticsSnapshotTest {

    private static final int FRAMES = 300;
    private static final int REPLACEMENT_FRAME = 150;
    private static final TrackAnalyticsConfig CONFIG = TrackAnalyticsConfig.builder()
            .exitDelay(Duration.ofMillis(300)).countWindow(Duration.ofSeconds(1)).build();
    private static final DefinitionSet FIRST = new DefinitionSet(
            List.of(pixelZone("left", 0, 0, 320, 480, Set.of()), pixelZone("centre", 200, 150, 440, 330, Set.of("person"))),
            List.of(pixelLine("middle", 320, 0, 320, 480), pixelLine("horizon", 0, 240, 640, 240)));
    private static final DefinitionSet SECOND = new DefinitionSet(
            List.of(pixelZone("centre", 150, 100, 490, 380, Set.of()), pixelZone("right", 320, 0, 640, 480, Set.of())),
            List.of(pixelLine("horizon", 640, 240, 0, 240)));

    /** Random walks of up to 8 tracks that end and start, seeded so every run gets the same frames. */
    private static List<List<TrackObservation>> scene() {
        Random random = new Random(20240611L);
        List<List<TrackObservation>> frames = new ArrayList<>();
        double[][] positions = new double[8][];
        long[] ids = new long[8];
        long nextId = 1;
        for (int frame = 0; frame < FRAMES; frame++) {
            List<TrackObservation> tracks = new ArrayList<>();
            for (int slot = 0; slot < positions.length; slot++) {
                if (positions[slot] == null && random.nextDouble() < 0.05) {
                    positions[slot] = new double[] {random.nextDouble() * 640, random.nextDouble() * 480};
                    ids[slot] = nextId++;
                } else if (positions[slot] != null && random.nextDouble() < 0.01) {
                    positions[slot] = null;
                }
                if (positions[slot] != null) {
                    positions[slot][0] = Math.max(0, Math.min(640, positions[slot][0] + random.nextGaussian() * 15));
                    positions[slot][1] = Math.max(0, Math.min(480, positions[slot][1] + random.nextGaussian() * 15));
                    String className = slot % 3 == 0 ? "car" : "person";
                    TrackObservation observation = track(ids[slot], className, positions[slot][0], positions[slot][1]);
                    if (slot % 2 == 0) {
                        observation = observation.withWorldPosition(
                                GeodeticPoint.of(45 + positions[slot][1] * 1e-6, 10 + positions[slot][0] * 1e-6));
                    }
                    tracks.add(observation);
                }
            }
            frames.add(tracks);
        }
        return frames;
    }

    private static List<AnalyticsEvent> run(TrackAnalytics analytics, List<List<TrackObservation>> frames, int from, int to) {
        List<AnalyticsEvent> events = new ArrayList<>();
        for (int frame = from; frame < to; frame++) {
            if (frame == REPLACEMENT_FRAME) {
                analytics.replaceDefinitions(SECOND);
            }
            events.addAll(analytics.update(frameTime(frame), frames.get(frame)));
        }
        return events;
    }

    private static DefinitionSet definitionsAt(int frame) {
        return frame <= REPLACEMENT_FRAME ? FIRST : SECOND;
    }

    @Test
    void sceneProducesEveryEventType() {
        List<AnalyticsEvent> events = run(TrackAnalytics.create(DRONE, CONFIG, FIRST), scene(), 0, FRAMES);

        Set<AnalyticsEventType> types = EnumSet.noneOf(AnalyticsEventType.class);
        events.forEach(event -> types.add(event.type()));
        assertThat(types).containsExactlyInAnyOrder(AnalyticsEventType.values());
    }

    @Test
    void restoredRunMatchesUninterruptedRun() throws IOException {
        List<List<TrackObservation>> frames = scene();
        List<AnalyticsEvent> uninterrupted = run(TrackAnalytics.create(DRONE, CONFIG, FIRST), frames, 0, FRAMES);

        for (int split : new int[] {1, 37, 150, 151, 222, 299}) {
            TrackAnalytics first = TrackAnalytics.create(DRONE, CONFIG, FIRST);
            List<AnalyticsEvent> events = run(first, frames, 0, split);
            byte[] bytes = AnalyticsStateSerializer.toBytes(first.snapshot());

            TrackAnalytics restored = TrackAnalytics.restore(
                    DRONE, CONFIG, definitionsAt(split), AnalyticsStateSerializer.fromBytes(bytes));
            events.addAll(run(restored, frames, split, FRAMES));

            assertThat(events).as("events with a restore before frame %d", split).isEqualTo(uninterrupted);
        }
    }

    @Test
    void serializerRoundTripIsExact() throws IOException {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, CONFIG, FIRST);
        run(analytics, scene(), 0, 120);
        AnalyticsState state = analytics.snapshot();

        AnalyticsState copy = AnalyticsStateSerializer.fromBytes(AnalyticsStateSerializer.toBytes(state));

        assertThat(copy).isEqualTo(state);
        assertThat(state.tracks()).isNotEmpty();
    }

    @Test
    void snapshotIsNotChangedByLaterFrames() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, CONFIG, FIRST);
        List<List<TrackObservation>> frames = scene();
        run(analytics, frames, 0, 100);
        AnalyticsState state = analytics.snapshot();
        byte[] before = AnalyticsStateSerializer.toBytes(state);

        run(analytics, frames, 100, 200);

        assertThat(AnalyticsStateSerializer.toBytes(state)).isEqualTo(before);
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] bytes = AnalyticsStateSerializer.toBytes(AnalyticsState.EMPTY);
        bytes[0] = 9;

        assertThatThrownBy(() -> AnalyticsStateSerializer.fromBytes(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Unsupported analytics state version 9, expected 1");
    }
}
