package io.uavstream.job.replay;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A capture-time range [from, to] of recorded video and the drones to replay in it. Both ends are
 * inclusive and in UTC microseconds, the resolution of {@code VideoPacket.captureTimeMicros}.
 *
 * @param fromMicros first capture time to analyse, UTC microseconds since the epoch
 * @param toMicros last capture time to analyse, UTC microseconds since the epoch
 * @param droneIds drones to replay; empty for every drone in the range
 */
public record ReplayRange(long fromMicros, long toMicros, Set<String> droneIds) implements Serializable {

    public ReplayRange {
        if (toMicros < fromMicros) {
            throw new IllegalArgumentException("--to " + Instant.EPOCH.plus(toMicros, ChronoUnit.MICROS)
                    + " precedes --from " + Instant.EPOCH.plus(fromMicros, ChronoUnit.MICROS));
        }
        Objects.requireNonNull(droneIds, "droneIds");
        for (String droneId : droneIds) {
            if (droneId == null || droneId.isBlank()) {
                throw new IllegalArgumentException("--drones must not contain a blank drone ID, got " + droneIds);
            }
        }
        droneIds = Set.copyOf(new TreeSet<>(droneIds));
    }

    /** Returns the range between two instants, truncated to microseconds. */
    public static ReplayRange of(Instant from, Instant to, Set<String> droneIds) {
        return new ReplayRange(epochMicros(from), epochMicros(to), droneIds);
    }

    /**
     * Parses a capture time given as ISO-8601 with an offset ({@code 2026-12-04T10:15:30Z},
     * {@code 2026-12-04T11:15:30+01:00}) or as UTC microseconds since the epoch.
     *
     * @param option the option name for the error message, such as {@code --from}
     * @throws IllegalArgumentException if the value is neither
     */
    public static long parseCaptureTime(String value, String option) {
        Objects.requireNonNull(value, option);
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d+")) {
            try {
                return Long.parseLong(trimmed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " " + value + " is out of range for epoch microseconds", e);
            }
        }
        try {
            return epochMicros(java.time.OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " " + value + " is invalid: pass an ISO-8601 time with an"
                    + " offset, such as 2026-12-04T10:15:30Z, or UTC microseconds since the epoch", e);
        }
    }

    /** Returns whether the capture time lies inside the range, both ends included. */
    public boolean contains(long captureMicros) {
        return captureMicros >= fromMicros && captureMicros <= toMicros;
    }

    /** Returns whether the drone is replayed. */
    public boolean includes(String droneId) {
        return droneIds.isEmpty() || droneIds.contains(droneId);
    }

    public Instant from() {
        return Instant.EPOCH.plus(fromMicros, ChronoUnit.MICROS);
    }

    public Instant to() {
        return Instant.EPOCH.plus(toMicros, ChronoUnit.MICROS);
    }

    /** Returns the length of the range in seconds of capture time. */
    public double durationSeconds() {
        return (toMicros - fromMicros) / 1e6;
    }

    static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public String toString() {
        return "[" + from() + ", " + to() + "]" + (droneIds.isEmpty() ? " all drones" : " drones " + droneIds);
    }
}
