package io.uavstream.analytics.event;

/** A track's reference point entered a zone in the frame at {@code captureTimeMicros}. */
public record ZoneEnteredEvent(String droneId, String zoneId, long trackId, String className, long captureTimeMicros)
        implements AnalyticsEvent {

    @Override
    public AnalyticsEventType type() {
        return AnalyticsEventType.ZONE_ENTERED;
    }
}
