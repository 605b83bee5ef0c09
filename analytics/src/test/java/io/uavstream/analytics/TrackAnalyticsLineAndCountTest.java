package io.uavstream.analytics;

import static io.uavstream.analytics.Scenes.DRONE;
import static io.uavstream.analytics.Scenes.frameTime;
import static io.uavstream.analytics.Scenes.ofType;
import static io.uavstream.analytics.Scenes.pixelLine;
import static io.uavstream.analytics.Scenes.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.event.ClassCountsEvent;
import io.uavstream.analytics.event.CrossingDirection;
import io.uavstream.analytics.event.LineCrossedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackAnalyticsLineAndCountTest {

    private static final TrackAnalyticsConfig ONE_SECOND_WINDOWS =
            TrackAnalyticsConfig.builder().countWindow(Duration.ofSeconds(1)).build();

    /** Line across the image at y = 300, directed towards +x. */
    private static final DefinitionSet ROAD = new DefinitionSet(List.of(), List.of(pixelLine("road", 0, 300, 640, 300)));

    @Test
    void crossingDownwardIsLeftToRight() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, ROAD);
        List<AnalyticsEvent> events = new ArrayList<>();

        // Facing +x on screen with y down, the image part below the line is on the right.
        for (int frame = 0; frame < 20; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "car", 320, 250 + frame * 10))));
        }

        assertThat(ofType(events, LineCrossedEvent.class)).singleElement().satisfies(crossing -> {
            assertThat(crossing.direction()).isEqualTo(CrossingDirection.LEFT_TO_RIGHT);
            assertThat(crossing.lineId()).isEqualTo("road");
            // y = 300 at frame 5 is on the line, which counts as left; frame 6 is past it.
            assertThat(crossing.captureTimeMicros()).isEqualTo(frameTime(6));
        });
    }

    @Test
    void crossingUpwardIsRightToLeft() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, ROAD);
        List<AnalyticsEvent> events = new ArrayList<>();

        for (int frame = 0; frame < 20; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "car", 320, 353 - frame * 7))));
        }

        assertThat(ofType(events, LineCrossedEvent.class)).singleElement()
                .extracting(LineCrossedEvent::direction).isEqualTo(CrossingDirection.RIGHT_TO_LEFT);
    }

    @Test
    void backAndForthCountsEachCrossing() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, ROAD);
        List<AnalyticsEvent> events = new ArrayList<>();
        double[] path = {280, 290, 310, 320, 320, 290, 280, 305};

        for (int frame = 0; frame < path.length; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "car", 100, path[frame]))));
        }

        assertThat(ofType(events, LineCrossedEvent.class)).extracting(LineCrossedEvent::direction).containsExactly(
                CrossingDirection.LEFT_TO_RIGHT, CrossingDirection.RIGHT_TO_LEFT, CrossingDirection.LEFT_TO_RIGHT);
    }

    @Test
    void passingBesideSegmentIsIgnored() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS,
                new DefinitionSet(List.of(), List.of(pixelLine("short", 0, 300, 200, 300))));

        analytics.update(frameTime(0), List.of(track(1, "car", 400, 250)));
        List<AnalyticsEvent> events = analytics.update(frameTime(1), List.of(track(1, "car", 400, 350)));

        assertThat(ofType(events, LineCrossedEvent.class)).isEmpty();
    }

    @Test
    void countsPerWindowAreDistinctTracks() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, DefinitionSet.EMPTY);
        List<AnalyticsEvent> events = new ArrayList<>();

        // Window [0, 1 s): persons 1 and 3, car 2. Window [1 s, 2 s): person 1 only.
        for (int frame = 0; frame < 10; frame++) {
            List<TrackObservation> tracks = new ArrayList<>(List.of(track(1, "person", 10, 10), track(2, "car", 50, 50)));
            if (frame >= 5) {
                tracks.add(track(3, "person", 90, 90));
            }
            events.addAll(analytics.update(frameTime(frame), tracks));
        }
        for (int frame = 10; frame < 20; frame++) {
            events.addAll(analytics.update(frameTime(frame), List.of(track(1, "person", 10, 10))));
        }
        events.addAll(analytics.update(frameTime(20), List.of()));

        List<ClassCountsEvent> counts = ofType(events, ClassCountsEvent.class);
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0).windowStartMicros()).isEqualTo(0L);
        assertThat(counts.get(0).windowEndMicros()).isEqualTo(1_000_000L);
        assertThat(counts.get(0).counts()).isEqualTo(Map.of("person", 2, "car", 1));
        assertThat(counts.get(1).counts()).isEqualTo(Map.of("person", 1));
    }

    @Test
    void countsEmittedWhenTimePassesEnd() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, DefinitionSet.EMPTY);

        List<AnalyticsEvent> beforeEnd = analytics.update(999_999, List.of(track(1, "person", 10, 10)));
        List<AnalyticsEvent> atEnd = analytics.update(1_000_000, List.of(track(1, "person", 10, 10)));

        assertThat(beforeEnd).isEmpty();
        assertThat(ofType(atEnd, ClassCountsEvent.class)).singleElement()
                .extracting(ClassCountsEvent::counts).isEqualTo(Map.of("person", 1));
    }

    @Test
    void windowsWithoutFramesEmitNothing() {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, ONE_SECOND_WINDOWS, DefinitionSet.EMPTY);

        analytics.update(frameTime(2), List.of(track(1, "person", 10, 10)));
        List<AnalyticsEvent> events = analytics.update(5_500_000, List.of());

        assertThat(ofType(events, ClassCountsEvent.class)).singleElement()
                .extracting(ClassCountsEvent::windowStartMicros).isEqualTo(0L);
    }
}
