package io.uavstream.ingest;

import io.uavstream.schemas.FlightTelemetry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A drone's telemetry samples in time order, each at an offset from the first access unit of an
 * ingest session. {@link #at} returns the latest sample at or before an access unit's capture time,
 * which is what {@link IngestSession} attaches to each {@code VideoPacket}.
 *
 * <p>Read from a CSV file with {@link #readCsv}; {@link TelemetryCsv} describes the columns.
 */
public final class TelemetryTrack {

    /**
     * Slack, in microseconds, by which a sample may lie after the access unit's capture time and
     * still count as at or before it. It absorbs the rounding of PTS ticks to microseconds (one
     * frame at 30 fps is 33 333.3 µs) and of the CSV's time column.
     */
    static final long ROUNDING_SLACK_MICROS = 1_000;

    private final long[] offsetsMicros;
    private final List<FlightTelemetry> samples;

    /**
     * @param offsetsMicros sample times in microseconds after the session's first access unit, not
     *     decreasing
     * @param samples the samples, whose {@code sampleTimeMicros} is ignored and replaced on lookup
     */
    TelemetryTrack(long[] offsetsMicros, List<FlightTelemetry> samples) {
        if (offsetsMicros.length != samples.size()) {
            throw new IllegalArgumentException("Telemetry track needs one offset per sample, got "
                    + offsetsMicros.length + " offsets and " + samples.size() + " samples");
        }
        for (int i = 1; i < offsetsMicros.length; i++) {
            if (offsetsMicros[i] < offsetsMicros[i - 1]) {
                throw new IllegalArgumentException("Telemetry sample " + i + " at " + offsetsMicros[i]
                        + " us is earlier than the one before it at " + offsetsMicros[i - 1] + " us");
            }
        }
        this.offsetsMicros = offsetsMicros.clone();
        this.samples = List.copyOf(samples);
    }

    /**
     * Reads a telemetry CSV file in the simulator's {@code telemetry.csv} layout.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if a header, row or value is invalid; the message names the
     *     line
     */
    public static TelemetryTrack readCsv(Path file) throws IOException {
        return TelemetryCsv.read(file);
    }

    /** Returns the number of samples. */
    public int size() {
        return samples.size();
    }

    /**
     * Returns a copy of the latest sample at or before {@code captureTimeMicros}, with its sample
     * time on the capture clock, or null when the first sample is later.
     *
     * @param sessionStartMicros capture time of the session's first access unit, UTC microseconds
     *     since the epoch; sample offsets count from it
     * @param captureTimeMicros capture time of the access unit, UTC microseconds since the epoch
     */
    public FlightTelemetry at(long sessionStartMicros, long captureTimeMicros) {
        long offset = captureTimeMicros - sessionStartMicros + ROUNDING_SLACK_MICROS;
        int index = Arrays.binarySearch(offsetsMicros, offset);
        if (index < 0) {
            index = -index - 2;
        } else {
            while (index + 1 < offsetsMicros.length && offsetsMicros[index + 1] == offset) {
                index++;
            }
        }
        if (index < 0) {
            return null;
        }
        Instant sampleTime = Instant.EPOCH.plus(sessionStartMicros + offsetsMicros[index], ChronoUnit.MICROS);
        return FlightTelemetry.newBuilder(Objects.requireNonNull(samples.get(index)))
                .setSampleTimeMicros(sampleTime)
                .build();
    }
}
