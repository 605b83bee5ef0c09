package io.uavstream.analytics;

import static io.uavstream.analytics.Scenes.DRONE;
import static io.uavstream.analytics.Scenes.frameTime;
import static io.uavstream.analytics.Scenes.ofType;
import static io.uavstream.analytics.Scenes.pixelZone;
import static io.uavstream.analytics.Scenes.track;
import static io.uavstream.analytics.Scenes.zones;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.event.ExitCause;
import io.uavstream.analytics.event.ZoneEnteredEvent;
import io.uavstream.analytics.event.ZoneExitedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackAnalyticsZoneTest {

    private static TrackAnalyticsConfig config(Duration exitDelay) {
        return TrackAnalyticsConfig.builder().exitDelay(exitDelay).countWindow(Duration.ofSeconds(60)).build();
    }

    @Test
    void passThroughGivesEnterAndExit() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ofMillis(500)), zones(pixelZone("z", 100, 100, 200, 200, Set.of())));
        List<AnalyticsEvent> events = new ArrayList<>();

        // 10 px per frame along y = 150: inside from x = 100 (frame 10) to x = 200 (frame 20).
        for (int frame = 0; frame <= 40; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", frame * 10, 150))));
        }

        assertThat(ofType(events, ZoneEnteredEvent.class)).singleElement()
                .extracting(ZoneEnteredEvent::captureTimeMicros).isEqualTo(1_000_000L);
        List<ZoneExitedEvent> exits = ofType(events, ZoneExitedEvent.class);
        assertThat(exits).hasSize(1);
        // First frame outside is frame 21 (2.1 s); the exit is decided 0.5 s later, at frame 26.
        assertThat(exits.get(0).dwellSeconds()).isCloseTo(1.1, within(1e-9));
        assertThat(exits.get(0).captureTimeMicros()).isEqualTo(2_600_000L);
        assertThat(exits.get(0).cause()).isEqualTo(ExitCause.LEFT_ZONE);
    }

    @Test
    void jitterAtEdgeDoesNotFlap() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ofMillis(500)), zones(pixelZone("z", 100, 100, 200, 200, Set.of())));
        List<AnalyticsEvent> events = new ArrayList<>();

        for (int frame = 0; frame < 50; frame++) {
            double x = frame % 2 == 0 ? 101 : 99;
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", x, 150))));
        }

        assertThat(ofType(events, ZoneEnteredEvent.class)).hasSize(1);
        assertThat(ofType(events, ZoneExitedEvent.class)).isEmpty();
    }

    @Test
    void jitterWithoutExitDelayFlaps() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ZERO), zones(pixelZone("z", 100, 100, 200, 200, Set.of())));
        List<AnalyticsEvent> events = new ArrayList<>();

        for (int frame = 0; frame < 50; frame++) {
            double x = frame % 2 == 0 ? 101 : 99;
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", x, 150))));
        }

        assertThat(ofType(events, ZoneEnteredEvent.class)).hasSize(25);
        assertThat(ofType(events, ZoneExitedEvent.class)).hasSize(25);
    }

    @Test
    void returnWithinDelayKeepsStay() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ofMillis(500)), zones(pixelZone("z", 100, 100, 200, 200, Set.of())));
        List<AnalyticsEvent> events = new ArrayList<>();

        events.addAll(analytics.update(frameTime(0), List.of(track(1, "person", 150, 150))));
        for (int frame = 1; frame <= 4; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", 250, 150))));
        }
        for (int frame = 5; frame <= 10; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", 150, 150))));
        }
        for (int frame = 11; frame <= 20; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", 250, 150))));
        }

        assertThat(ofType(events, ZoneEnteredEvent.class)).hasSize(1);
        assertThat(ofType(events, ZoneExitedEvent.class)).singleElement()
                .satisfies(exit -> assertThat(exit.dwellSeconds()).isCloseTo(1.1, within(1e-9)));
    }

    @Test
    void trackEndingInsideGetsExit() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ofMillis(500)), zones(pixelZone("z", 100, 100, 200, 200, Set.of())));

        analytics.update(frameTime(0), List.of(track(1, "person", 150, 150)));
        analytics.update(frameTime(7), List.of(track(1, "person", 160, 150)));
        List<AnalyticsEvent> events = analytics.update(frameTime(8), List.of());

        assertThat(ofType(events, ZoneExitedEvent.class)).singleElement().satisfies(exit -> {
            assertThat(exit.cause()).isEqualTo(ExitCause.TRACK_ENDED);
            assertThat(exit.dwellSeconds()).isCloseTo(0.7, within(1e-9));
            assertThat(exit.captureTimeMicros()).isEqualTo(frameTime(8));
        });
    }

    @Test
    void classFilterSkipsOtherClasses() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ZERO), zones(pixelZone("z", 100, 100, 200, 200, Set.of("person"))));

        List<AnalyticsEvent> events = analytics.update(frameTime(0),
                List.of(track(1, "car", 150, 150), track(2, "person", 150, 150)));

        assertThat(ofType(events, ZoneEnteredEvent.class)).singleElement()
                .extracting(ZoneEnteredEvent::trackId).isEqualTo(2L);
    }

    @Test
    void zoneReplacementMidTrack() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, config(Duration.ofMillis(500)),
                zones(pixelZone("a", 100, 100, 200, 200, Set.of()), pixelZone("kept", 0, 0, 640, 480, Set.of())));
        analytics.update(frameTime(0), List.of(track(1, "person", 150, 150)));
        analytics.update(frameTime(1), List.of(track(1, "person", 152, 150)));

        analytics.replaceDefinitions(zones(
                pixelZone("b", 140, 140, 300, 300, Set.of()), pixelZone("kept", 0, 0, 640, 480, Set.of())));
        List<AnalyticsEvent> events = analytics.update(frameTime(2), List.of(track(1, "person", 154, 150)));

        assertThat(ofType(events, ZoneExitedEvent.class)).singleElement().satisfies(exit -> {
            assertThat(exit.zoneId()).isEqualTo("a");
            assertThat(exit.cause()).isEqualTo(ExitCause.ZONE_REMOVED);
            assertThat(exit.dwellSeconds()).isCloseTo(0.1, within(1e-9));
        });
        assertThat(ofType(events, ZoneEnteredEvent.class)).singleElement()
                .extracting(ZoneEnteredEvent::zoneId).isEqualTo("b");
    }

    @Test
    void replacementAppliesFromNextFrame() {
        TrackAnalytics analytics = TrackAnalytics.create(
                DRONE, config(Duration.ZERO), zones(pixelZone("a", 100, 100, 200, 200, Set.of())));
        analytics.update(frameTime(0), List.of(track(1, "person", 150, 150)));

        analytics.replaceDefinitions(zones());

        assertThat(analytics.snapshot().tracks().get(1L).zones()).containsOnlyKeys("a");
    }

    @Test
    void framesOutOfOrderAreRejected() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, config(Duration.ZERO), zones());
        analytics.update(frameTime(5), List.of());

        assertThatThrownBy(() -> analytics.update(frameTime(4), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the previous frame's 500000 us");
    }

    @Test
    void duplicateTrackIdIsRejected() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, config(Duration.ZERO), zones());

        assertThatThrownBy(() -> analytics.update(0, List.of(track(1, "a", 1, 1), track(1, "a", 2, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("track 1 occurs twice");
    }
}
