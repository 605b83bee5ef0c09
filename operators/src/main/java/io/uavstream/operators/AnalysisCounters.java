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
     * for a keyframe after a sequence gap, at the start of a session, or after a restore inside a
     * GOP that outgrew the retention limits.
     */
    public static final String PACKETS_DROPPED = "packetsDropped";

    /** Records sent to the dead-letter output, from the deserializer and from the decoder. */
    public static final String DEAD_LETTERS = "deadLetters";

    /** Decoded frames found damaged and therefore not analysed. */
    public static final String CORRUPT_FRAMES = "corruptFrames";

    /** Ingest sessions whose end-of-stream marker was processed. */
    public static final String SESSIONS_ENDED = "sessionsEnded";

    /**
     * Native decoders rebuilt from the GOP retained in state, after a restore or after the idle
     * timeout freed them.
     */
    public static final String DECODERS_REBUILT = "decodersRebuilt";

    /**
     * GOPs that outgrew the retention limits ({@link AnalysisConfig#maxRetainedGopAccessUnits()},
     * {@link AnalysisConfig#maxRetainedGopBytes()}). Until the frame of the next keyframe has been
     * returned, a restore drops access units up to a keyframe instead of rebuilding the decoder.
     */
    public static final String GOP_RETENTION_OVERFLOWS = "gopRetentionOverflows";

    private AnalysisCounters() {}
}
