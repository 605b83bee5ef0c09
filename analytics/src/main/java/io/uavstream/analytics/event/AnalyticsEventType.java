package io.uavstream.analytics.event;

/** Kind of an {@link AnalyticsEvent}. */
public enum AnalyticsEventType {
    ZONE_ENTERED,
    ZONE_EXITED,
    LINE_CROSSED,
    CLASS_COUNTS
}
