package io.uavstream.operators;

import io.uavstream.analytics.TrackObservation;
import io.uavstream.analytics.event.ClassCountsEvent;
import io.uavstream.analytics.event.LineCrossedEvent;
import io.uavstream.analytics.event.ZoneEnteredEvent;
import io.uavstream.analytics.event.ZoneExitedEvent;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.ReferencePoint;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.AnalyticsEventType;
import io.uavstream.schemas.ClassCounts;
import io.uavstream.schemas.CrossingDirection;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.GeoPosition;
import io.uavstream.schemas.ZoneExit;
import io.uavstream.schemas.ZoneExitCause;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts the events of {@code TrackAnalytics} into {@link AnalyticsEvent} records. */
final class AnalyticsEventRecords {

    private AnalyticsEventRecords() {}

    /**
     * Returns the record of {@code event}, triggered by {@code frame}.
     *
     * @param matched the tracks matched to a detection in the frame, by track ID; a track of the
     *     event that is not among them gets no pixel or WGS84 position
     */
    static AnalyticsEvent toRecord(io.uavstream.analytics.event.AnalyticsEvent event, FrameDetections frame,
            Map<Long, TrackObservation> matched, ReferencePoint referencePoint) {
        AnalyticsEvent.Builder record = AnalyticsEvent.newBuilder()
                .setDroneId(event.droneId())
                .setSessionId(frame.getSessionId())
                .setCaptureTimeMicros(instant(event.captureTimeMicros()))
                .setFrameSequence(frame.getFrameSequence())
                .setModelId(frame.getModelId());
        if (event instanceof ZoneEnteredEvent entered) {
            record.setEventType(AnalyticsEventType.ZONE_ENTERED).setZoneId(entered.zoneId());
            setTrack(record, entered.trackId(), entered.className(), matched, referencePoint);
        } else if (event instanceof ZoneExitedEvent exited) {
            record.setEventType(AnalyticsEventType.ZONE_EXITED).setZoneId(exited.zoneId())
                    .setExit(new ZoneExit(instant(exited.enteredAtMicros()), instant(exited.exitedAtMicros()),
                            exited.dwellSeconds(), ZoneExitCause.valueOf(exited.cause().name())));
            setTrack(record, exited.trackId(), exited.className(), matched, referencePoint);
        } else if (event instanceof LineCrossedEvent crossed) {
            record.setEventType(AnalyticsEventType.LINE_CROSSED).setLineId(crossed.lineId())
                    .setDirection(CrossingDirection.valueOf(crossed.direction().name()));
            setTrack(record, crossed.trackId(), crossed.className(), matched, referencePoint);
        } else if (event instanceof ClassCountsEvent counts) {
            record.setEventType(AnalyticsEventType.CLASS_COUNTS)
                    .setCounts(new ClassCounts(instant(counts.windowStartMicros()), instant(counts.windowEndMicros()),
                            new LinkedHashMap<>(counts.counts())));
        } else {
            throw new IllegalArgumentException("Unknown analytics event type " + event.getClass().getName());
        }
        return record.build();
    }

    private static void setTrack(AnalyticsEvent.Builder record, long trackId, String className,
            Map<Long, TrackObservation> matched, ReferencePoint referencePoint) {
        record.setTrackId(trackId).setClassName(className);
        TrackObservation observation = matched.get(trackId);
        if (observation == null) {
            return;
        }
        Point2 pixel = observation.referencePoint(referencePoint);
        record.setPixelX((float) pixel.x()).setPixelY((float) pixel.y());
        GeodeticPoint world = observation.worldPosition();
        if (world != null) {
            record.setPosition(new GeoPosition(world.latitudeDegrees(), world.longitudeDegrees(), world.heightMetres()));
        }
    }

    static Instant instant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
