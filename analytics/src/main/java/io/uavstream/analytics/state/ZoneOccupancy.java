package io.uavstream.analytics.state;

/**
 * A track's stay in one zone.
 *
 * @param enteredAtMicros capture time of the first frame inside
 * @param lastInsideMicros capture time of the latest frame inside
 * @param outsideSinceMicros capture time of the first frame of the current run of frames outside,
 *     or {@link #NOT_OUTSIDE} while the track is inside
 */
public record ZoneOccupancy(long enteredAtMicros, long lastInsideMicros, long outsideSinceMicros) {

    public static final long NOT_OUTSIDE = Long.MIN_VALUE;

    public static ZoneOccupancy enteredAt(long captureTimeMicros) {
        return new ZoneOccupancy(captureTimeMicros, captureTimeMicros, NOT_OUTSIDE);
    }

    public boolean isOutside() {
        return outsideSinceMicros != NOT_OUTSIDE;
    }

    public ZoneOccupancy insideAt(long captureTimeMicros) {
        return new ZoneOccupancy(enteredAtMicros, captureTimeMicros, NOT_OUTSIDE);
    }

    /** Returns this stay marked outside since the given time, keeping an earlier start of the run. */
    public ZoneOccupancy outsideAt(long captureTimeMicros) {
        return isOutside() ? this : new ZoneOccupancy(enteredAtMicros, lastInsideMicros, captureTimeMicros);
    }

    /** Returns the exit time used when the track did not leave by itself: first frame outside, else last inside. */
    public long forcedExitMicros() {
        return isOutside() ? outsideSinceMicros : lastInsideMicros;
    }
}
