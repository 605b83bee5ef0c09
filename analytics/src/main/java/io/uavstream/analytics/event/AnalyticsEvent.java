package io.uavstream.analytics.event;

/** Event that track analytics emit for one drone. */
public sealed interface AnalyticsEvent permits ZoneEnteredEvent, ZoneExitedEvent, LineCrossedEvent, ClassCountsEvent {

    AnalyticsEventType type();

    String droneId();

    /** Returns the capture time in microseconds of the frame that triggered the event (window end for counts). */
    long captureTimeMicros();
}
