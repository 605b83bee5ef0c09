package io.uavstream.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between connection attempts: the delay after the {@code n}-th consecutive
 * failure is {@code initial * 2^(n-1)}, capped at {@code max}.
 *
 * @param initial delay after the first failure; positive
 * @param max upper bound of every delay; at least {@code initial}
 * @param maxAttempts consecutive failed connection attempts after which ingest gives up; at least 1
 */
public record ReconnectBackoff(Duration initial, Duration max, int maxAttempts) {

    /** 500 ms doubling up to 30 s, for 10 attempts (about 2 minutes 40 seconds in all). */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), 10);

    public ReconnectBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("Initial reconnect backoff must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "Maximum reconnect backoff " + max + " must not be below the initial backoff " + initial);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Maximum connection attempts must be at least 1, got " + maxAttempts);
        }
    }

    /** Returns the delay after the {@code failures}-th consecutive failed attempt (1-based). */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
