package io.uavstream.analytics;

import io.uavstream.analytics.definition.CoordinateSpace;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.geometry.DirectedSegment;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Polygon;
import java.util.List;
import java.util.Set;

/** Shared fixtures: drone "d1", frames every 100 ms, boxes given by their bottom centre. */
final class Scenes {

    static final String DRONE = "d1";
    static final long FRAME_MICROS = 100_000;

    private Scenes() {
    }

    static long frameTime(int frame) {
        return frame * FRAME_MICROS;
    }

    /** Returns a 10 x 20 px box whose bottom centre is at (x, y). */
    static TrackObservation track(long id, String className, double x, double y) {
        return TrackObservation.of(id, className, x - 5, y - 20, x + 5, y);
    }

    static ZoneDefinition pixelZone(String id, double x1, double y1, double x2, double y2, Set<String> classes) {
        Polygon square = Polygon.of(List.of(new Point2(x1, y1), new Point2(x2, y1), new Point2(x2, y2), new Point2(x1, y2)));
        return new ZoneDefinition(id, id, DRONE, CoordinateSpace.PIXEL, square, classes);
    }

    static LineDefinition pixelLine(String id, double x1, double y1, double x2, double y2) {
        return new LineDefinition(id, id, DRONE, CoordinateSpace.PIXEL,
                new DirectedSegment(new Point2(x1, y1), new Point2(x2, y2)), Set.of());
    }

    static DefinitionSet zones(ZoneDefinition... zones) {
        return new DefinitionSet(List.of(zones), List.of());
    }

    static <T extends AnalyticsEvent> List<T> ofType(List<AnalyticsEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
