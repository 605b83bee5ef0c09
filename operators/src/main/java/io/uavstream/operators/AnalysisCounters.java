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

    /**
     * Records sent to the dead-letter output: from the deserializer, from the decoder and from
     * the analytics control topic.
     */
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

    /** Analysed frames for which the camera motion since the drone's previous analysed frame was estimated. */
    public static final String CAMERA_MOTION_ESTIMATED = "cameraMotionEstimated";

    /**
     * Analysed frames whose camera motion could not be estimated: too few corners tracked or
     * RANSAC inliers, an implausible homography, or a changed frame size. The tracker then predicts
     * without compensation.
     */
    public static final String CAMERA_MOTION_FAILED = "cameraMotionFailed";

    /**
     * Analysed frames without a camera-motion estimate because the drone's previous frame was not
     * in memory: the first frame of each drone after a restore, or after the subtask dropped the
     * drone's previous frame to stay within its limit of drones.
     */
    public static final String CAMERA_MOTION_REFERENCE_LOST = "cameraMotionReferenceLost";

    /** Tracks confirmed; each emitted a STARTED event. */
    public static final String TRACKS_STARTED = "tracksStarted";

    /** UPDATED track events emitted. */
    public static final String TRACK_UPDATES = "trackUpdates";

    /** Confirmed tracks that ended; each emitted an ENDED event. */
    public static final String TRACKS_ENDED = "tracksEnded";

    /**
     * Analysed frames passed on without tracking, because their capture time precedes that of the
     * drone's previous tracked frame in the same session.
     */
    public static final String FRAMES_NOT_TRACKED = "framesNotTracked";

    /** Zone, line and class-count events emitted by the analytics. */
    public static final String ANALYTICS_EVENTS = "analyticsEvents";

    /**
     * Tracked frames left out of the analytics, because their capture time precedes that of the
     * drone's previous analysed frame.
     */
    public static final String FRAMES_NOT_ANALYSED = "framesNotAnalysed";

    /** Valid records of the analytics control topic, each setting or removing one drone's zones and lines. */
    public static final String DEFINITION_UPDATES = "definitionUpdates";

    /** Invalid records of the analytics control topic, each also a dead letter. */
    public static final String CONTROL_RECORDS_REJECTED = "controlRecordsRejected";

    private AnalysisCounters() {}
}
