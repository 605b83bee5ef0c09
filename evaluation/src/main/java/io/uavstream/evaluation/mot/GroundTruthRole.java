package io.uavstream.evaluation.mot;

/** What a ground-truth row takes part in; see {@link MotConfig} for the rules. */
enum GroundTruthRole {
    /** Scored: a prediction must match it, or it is a false negative. */
    SCORED,
    /** A prediction matched to it is removed; it is never a false negative. */
    IGNORE_REGION,
    /** Left out, as if absent from the file. */
    DROPPED
}
