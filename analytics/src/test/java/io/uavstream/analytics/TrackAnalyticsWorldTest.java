package io.uavstream.analytics;

import static io.uavstream.analytics.Scenes.DRONE;
import static io.uavstream.analytics.Scenes.frameTime;
import static io.uavstream.analytics.Scenes.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.definition.CoordinateSpace;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.event.CrossingDirection;
import io.uavstream.analytics.event.LineCrossedEvent;
import io.uavstream.analytics.event.ZoneEnteredEvent;
import io.uavstream.analytics.event.ZoneExitedEvent;
import io.uavstream.analytics.geo.CameraIntrinsics;
import io.uavstream.analytics.geo.CameraPose;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.GroundProjection;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.analytics.geometry.DirectedSegment;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Polygon;
import io.uavstream.analytics.geometry.ReferencePoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A car drives east along ENU y = 30 m, seen by an oblique camera. Its box is drawn from the
 * projected ground point, and its world position is recovered from the box's bottom centre by
 * ground projection, as the operator would do it.
 */
class TrackAnalyticsWorldTest {

    private static final LocalTangentPlane PLANE = new LocalTangentPlane(GeodeticPoint.of(45.0, 10.0));
    private static final CameraIntrinsics INTRINSICS = new CameraIntrinsics(1000, 1000, 960, 540);
    private static final CameraPose POSE = CameraPose.lookingAt(new Vector3(20, -40, 60), new Vector3(20, 30, 0));
    private static final TrackAnalyticsConfig CONFIG =
            TrackAnalyticsConfig.builder().exitDelay(Duration.ZERO).countWindow(Duration.ofSeconds(60)).build();

    private static Point2 lonLat(double east, double north) {
        GeodeticPoint point = PLANE.toGeodetic(new Vector3(east, north, 0));
        return new Point2(point.longitudeDegrees(), point.latitudeDegrees());
    }

    /** Zone 10 m <= east <= 30 m, 20 m <= north <= 40 m, as WGS84 corners. */
    private static ZoneDefinition yard() {
        Polygon polygon = Polygon.of(List.of(lonLat(10, 20), lonLat(30, 20), lonLat(30, 40), lonLat(10, 40)));
        return new ZoneDefinition("yard", "Yard", DRONE, CoordinateSpace.WGS84, polygon, Set.of());
    }

    /** Line from south to north at east = 25 m. */
    private static LineDefinition gate() {
        return new LineDefinition("gate", "Gate", DRONE, CoordinateSpace.WGS84,
                new DirectedSegment(lonLat(25, 0), lonLat(25, 60)), Set.of());
    }

    /** Returns the car's observation at a ground point, with the world position found from the box. */
    private static TrackObservation observe(Vector3 ground, boolean withWorld) {
        Point2 pixel = GroundProjection.worldToPixel(ground, INTRINSICS, POSE).orElseThrow();
        TrackObservation track = TrackObservation.of(1, "car", pixel.x() - 30, pixel.y() - 40, pixel.x() + 30, pixel.y());
        if (!withWorld) {
            return track;
        }
        Point2 bottom = track.referencePoint(ReferencePoint.BOTTOM_CENTER);
        Vector3 recovered = GroundProjection.pixelToGround(bottom, INTRINSICS, POSE).orElseThrow();
        return track.withWorldPosition(PLANE.toGeodetic(recovered));
    }

    private static List<AnalyticsEvent> drive(boolean withWorld) {
        TrackAnalytics analytics = TrackAnalytics.create(DRONE, CONFIG, new DefinitionSet(List.of(yard()), List.of(gate())));
        List<AnalyticsEvent> events = new ArrayList<>();
        // 1 m per frame from east = 0.5 m to east = 40.5 m, so no position lies on an edge.
        for (int frame = 0; frame <= 40; frame++) {
            Vector3 ground = new Vector3(0.5 + frame, 30, 0);
            events.addAll(analytics.update(frameTime(frame), List.of(observe(ground, withWorld))));
        }
        return events;
    }

    @Test
    void worldZoneSeesEnterAndExit() {
        List<AnalyticsEvent> events = drive(true);

        // Inside from east = 10.5 m (frame 10) to 29.5 m (frame 29); frame 30 is outside.
        assertThat(ofType(events, ZoneEnteredEvent.class)).singleElement()
                .extracting(ZoneEnteredEvent::captureTimeMicros).isEqualTo(frameTime(10));
        assertThat(ofType(events, ZoneExitedEvent.class)).singleElement()
                .satisfies(exit -> assertThat(exit.dwellSeconds()).isCloseTo(2.0, within(1e-9)));
    }

    @Test
    void worldLineSeesCrossing() {
        List<AnalyticsEvent> events = drive(true);

        // Facing north on a north-up map, east is on the right.
        assertThat(ofType(events, LineCrossedEvent.class)).singleElement().satisfies(crossing -> {
            assertThat(crossing.direction()).isEqualTo(CrossingDirection.LEFT_TO_RIGHT);
            assertThat(crossing.captureTimeMicros()).isEqualTo(frameTime(25));
        });
    }

    @Test
    void tracksWithoutWorldPositionAreIgnored() {
        assertThat(drive(false)).isEmpty();
    }
}
