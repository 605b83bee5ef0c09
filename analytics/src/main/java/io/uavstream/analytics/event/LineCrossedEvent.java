package io.uavstream.analytics.event;

/** A track's reference point passed a counting line between the previous frame and this one. */
public record LineCrossedEvent(
        String droneId, String lineId, long trackId, String className, long captureTimeMicros, CrossingDirection direction)
        implements AnalyticsEvent {

    @Override
    public AnalyticsEventType type() {
        return AnalyticsEventType.LINE_CROSSED;
    }
}
