package io.uavstream.analytics.event;

/**
 * A track left a zone.
 *
 * @param captureTimeMicros capture time of the frame that decided the exit
 * @param enteredAtMicros capture time of the first frame inside
 * @param exitedAtMicros for {@link ExitCause#LEFT_ZONE}, the first frame outside; for other
 *     causes, the first frame outside when the track was already outside, else the last frame inside
 */
public record ZoneExitedEvent(
        String droneId,
        String zoneId,
        long trackId,
        String className,
        long captureTimeMicros,
        long enteredAtMicros,
        long exitedAtMicros,
        ExitCause cause) implements AnalyticsEvent {

    @Override
    public AnalyticsEventType type() {
        return AnalyticsEventType.ZONE_EXITED;
    }

    /** Returns the dwell time in seconds of capture time, from entry to exit. */
    public double dwellSeconds() {
        return (exitedAtMicros - enteredAtMicros) / 1e6;
    }
}
