package io.uavstream.operators;

import java.time.Duration;

/**
 * Lets one log message through per interval and counts the rest, so that a flood of bad records
 * cannot flood the TaskManager log. Not thread-safe: one instance per operator and message kind.
 */
final class LogRateLimiter {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final long intervalNanos;
    private long lastLoggedNanos;
    private boolean loggedBefore;
    private long suppressed;

    LogRateLimiter(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    LogRateLimiter() {
        this(DEFAULT_INTERVAL);
    }

    /**
     * Returns the number of messages suppressed since the last one logged if this message may be
     * logged now, or -1 if it should be suppressed.
     */
    long tryAcquire() {
        long now = System.nanoTime();
        if (loggedBefore && now - lastLoggedNanos < intervalNanos) {
            suppressed++;
            return -1;
        }
        long result = suppressed;
        loggedBefore = true;
        lastLoggedNanos = now;
        suppressed = 0;
        return result;
    }
}
