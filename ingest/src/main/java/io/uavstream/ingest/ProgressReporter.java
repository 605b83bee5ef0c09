package io.uavstream.ingest;

import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the published access units of an ingest run over its sessions, passes the progress to an
 * {@link IngestProgressListener} after every access unit, and logs it at a fixed interval.
 */
final class ProgressReporter {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final String droneId;
    private final IngestProgressListener listener;
    private final long logIntervalNanos;

    private long packets;
    private long bytes;
    private long lastLogNanos = System.nanoTime();

    ProgressReporter(String droneId, IngestProgressListener listener, java.time.Duration logInterval) {
        this.droneId = droneId;
        this.listener = listener;
        this.logIntervalNanos = logInterval.toNanos();
    }

    /** Counts one published access unit of {@code accessUnitBytes} at media position {@code mediaPositionSeconds}. */
    void onPublished(int accessUnitBytes, double mediaPositionSeconds, OptionalDouble totalDurationSeconds) {
        packets++;
        bytes += accessUnitBytes;
        listener.onProgress(new IngestProgress(packets, bytes, mediaPositionSeconds, totalDurationSeconds));

        long now = System.nanoTime();
        if (now - lastLogNanos >= logIntervalNanos) {
            lastLogNanos = now;
            if (totalDurationSeconds.isPresent()) {
                LOG.info("Drone {}: {} access units, {} bytes published, media position {} of {} s", droneId,
                        packets, bytes, String.format(java.util.Locale.ROOT, "%.1f", mediaPositionSeconds),
                        String.format(java.util.Locale.ROOT, "%.1f", totalDurationSeconds.getAsDouble()));
            } else {
                LOG.info("Drone {}: {} access units, {} bytes published, media position {} s", droneId,
                        packets, bytes, String.format(java.util.Locale.ROOT, "%.1f", mediaPositionSeconds));
            }
        }
    }

    long packets() {
        return packets;
    }

    long bytes() {
        return bytes;
    }
}
