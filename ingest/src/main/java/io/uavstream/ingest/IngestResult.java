package io.uavstream.ingest;

import java.time.Duration;

/**
 * Summary of an {@link Ingestor} run over all its sessions.
 *
 * @param sessions sessions opened (one per successful connection; 1 for a file)
 * @param packets access units published, not counting end-of-stream markers
 * @param bytes access-unit bytes published
 * @param errors demux errors and corrupt packets, each logged and counted; corrupt packets are not
 *     published
 * @param mediaDuration media time covered by the published access units, summed over sessions
 * @param ending how the run ended
 */
public record IngestResult(long sessions, long packets, long bytes, long errors, Duration mediaDuration, Ending ending) {

    /** Reason an ingest run ended. */
    public enum Ending {
        /** The file was read to its end without errors. */
        END_OF_STREAM,
        /**
         * The file is damaged or truncated: a read error ended it early, or corrupt packets were
         * dropped. {@link IngestResult#errors()} counts them.
         */
        DAMAGED,
        /** {@link Ingestor#stop()} was called. */
        STOPPED,
        /** The network source was lost and every reconnection attempt failed. */
        SOURCE_LOST
    }
}
