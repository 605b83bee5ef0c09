package io.uavstream.operators;

/**
 * Names of the job's counters. Each is a Flink accumulator ({@code LongCounter}) summed over all
 * subtasks, readable from the {@code JobClient} or the {@code JobExecutionResult}, and also an
 * operator metric counter of the same name.
 */
public final class AnalysisCounters {

    /** Frames the video decoder returned, damaged ones included. */
    public static final String FRAMES_DECODED = "framesDecoded";

    /** Frames given to the detector; each yields one {@code FrameDetections} record. */
    public static final String FRAMES_ANALYSED = "framesAnalysed";

    /** Clean frames not analysed: over the per-drone frame-rate limit, or too old in live mode. */
    public static final String FRAMES_SKIPPED = "framesSkipped";

    /**
     * Access units not decoded: duplicates, out-of-order ones, and those skipped while waiting
     * for a keyframe after a sequence gap, a new session or a restore.
     */
    public static final String PACKETS_DROPPED = "packetsDropped";

    /** Records sent to the dead-letter output, from the deserializer and from the decoder. */
    public static final String DEAD_LETTERS = "deadLetters";

    /** Decoded frames found damaged and therefore not analysed. */
    public static final String CORRUPT_FRAMES = "corruptFrames";

    /** Ingest sessions whose end-of-stream marker was processed. */
    public static final String SESSIONS_ENDED = "sessionsEnded";

    private AnalysisCounters() {}
}
