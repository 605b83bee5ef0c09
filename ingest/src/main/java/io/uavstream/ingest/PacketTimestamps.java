package io.uavstream.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts the PTS, DTS and duration of one stream's packets from the stream time base to
 * microseconds, filling in timestamps the container leaves out.
 *
 * <p>Rules, in this order: a missing DTS equals the PTS; a missing PTS equals the DTS; with both
 * missing, the PTS is the previous PTS plus one frame duration (the previous packet's duration,
 * else one frame interval at the stream's frame rate), and 0 on the first packet.
 *
 * <p>Not thread-safe: one instance per demuxed stream.
 */
final class PacketTimestamps {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final long timeBaseNumerator;
    private final long timeBaseDenominator;
    private final long frameIntervalMicros;
    private final long missing;

    private long previousPtsMicros = Long.MIN_VALUE;
    private long previousDurationMicros;

    /** Timestamps of one converted packet, all in microseconds; duration 0 when unknown. */
    record Micros(long pts, long dts, long duration, boolean ptsDerived) {}

    /**
     * @param timeBaseNumerator numerator of the stream time base (seconds per tick)
     * @param timeBaseDenominator denominator of the stream time base
     * @param framesPerSecond average frame rate, or 0 when unknown
     * @param missing the value that marks a missing timestamp ({@code AV_NOPTS_VALUE})
     */
    PacketTimestamps(int timeBaseNumerator, int timeBaseDenominator, double framesPerSecond, long missing) {
        if (timeBaseNumerator <= 0 || timeBaseDenominator <= 0) {
            throw new IllegalArgumentException(
                    "Invalid stream time base " + timeBaseNumerator + "/" + timeBaseDenominator);
        }
        this.timeBaseNumerator = timeBaseNumerator;
        this.timeBaseDenominator = timeBaseDenominator;
        this.frameIntervalMicros = framesPerSecond > 0 ? Math.round(MICROS_PER_SECOND / framesPerSecond) : 0;
        this.missing = missing;
    }

    /** Converts one packet's timestamps, given in stream time-base ticks. */
    Micros convert(long pts, long dts, long duration) {
        long durationMicros = duration > 0 ? toMicros(duration) : 0;
        long dtsMicros = dts != missing ? toMicros(dts) : Long.MIN_VALUE;

        long ptsMicros;
        boolean ptsDerived = pts == missing;
        if (!ptsDerived) {
            ptsMicros = toMicros(pts);
        } else if (dtsMicros != Long.MIN_VALUE) {
            // NOTE: DTS equals the PTS only in streams without frame reordering (no B-frames). With
            // reordering, these derived PTS follow decoding order, so a consumer should trust the
            // decoder's output order instead.
            ptsMicros = dtsMicros;
        } else {
            ptsMicros = previousPtsMicros == Long.MIN_VALUE ? 0 : previousPtsMicros + frameDurationMicros();
        }
        if (dtsMicros == Long.MIN_VALUE) {
            dtsMicros = ptsMicros;
        }

        previousPtsMicros = ptsMicros;
        previousDurationMicros = durationMicros;
        return new Micros(ptsMicros, dtsMicros, durationMicros, ptsDerived);
    }

    /** Converts ticks of the stream time base to microseconds, rounding half away from zero. */
    long toMicros(long ticks) {
        long numerator = timeBaseNumerator * MICROS_PER_SECOND;
        // Below this bound the product and the rounding term fit in a long.
        long limit = Long.MAX_VALUE / 2 / numerator;
        if (ticks >= -limit && ticks <= limit) {
            long product = ticks * numerator;
            long half = timeBaseDenominator / 2;
            return product >= 0 ? (product + half) / timeBaseDenominator : (product - half) / timeBaseDenominator;
        }
        return BigDecimal.valueOf(ticks)
                .multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(timeBaseDenominator), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private long frameDurationMicros() {
        return previousDurationMicros > 0 ? previousDurationMicros : frameIntervalMicros;
    }
}
