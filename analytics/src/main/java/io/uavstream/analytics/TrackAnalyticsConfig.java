package io.uavstream.analytics;

import io.uavstream.analytics.geometry.ReferencePoint;
import java.io.Serializable;
import java.time.Duration;

/**
 * Fixed parameters of {@link TrackAnalytics}; zones and lines are separate because they change
 * at run time.
 *
 * @param referencePoint point of the box tested against zones and lines
 * @param exitDelayMicros capture time in microseconds that a track must stay outside a zone
 *     before it exits, against flapping at the edge; 0 exits at the first frame outside
 * @param countWindowMicros length of the tumbling event-time windows of class counts, in
 *     microseconds of capture time
 */
public record TrackAnalyticsConfig(ReferencePoint referencePoint, long exitDelayMicros, long countWindowMicros)
        implements Serializable {

    public TrackAnalyticsConfig {
        if (referencePoint == null) {
            throw new IllegalArgumentException("Reference point must not be null");
        }
        if (exitDelayMicros < 0) {
            throw new IllegalArgumentException("Exit delay must be zero or positive, got " + exitDelayMicros + " us");
        }
        if (countWindowMicros <= 0) {
            throw new IllegalArgumentException("Count window must be positive, got " + countWindowMicros + " us");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: bottom centre, 1 s exit delay, 60 s count windows. */
    public static final class Builder {
        private ReferencePoint referencePoint = ReferencePoint.BOTTOM_CENTER;
        private Duration exitDelay = Duration.ofSeconds(1);
        private Duration countWindow = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder referencePoint(ReferencePoint referencePoint) {
            this.referencePoint = referencePoint;
            return this;
        }

        /** Sets the capture time a track must stay outside a zone before it exits. */
        public Builder exitDelay(Duration exitDelay) {
            this.exitDelay = exitDelay;
            return this;
        }

        /** Sets the length of the tumbling windows of class counts, in capture time. */
        public Builder countWindow(Duration countWindow) {
            this.countWindow = countWindow;
            return this;
        }

        public TrackAnalyticsConfig build() {
            if (exitDelay == null || countWindow == null) {
                throw new IllegalArgumentException("Exit delay and count window must not be null");
            }
            return new TrackAnalyticsConfig(referencePoint, toMicros(exitDelay), toMicros(countWindow));
        }

        private static long toMicros(Duration duration) {
            return Math.multiplyExact(duration.getSeconds(), 1_000_000L) + duration.getNano() / 1_000;
        }
    }
}
