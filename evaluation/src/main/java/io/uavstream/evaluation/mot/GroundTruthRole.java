package io.uavstream.evaluation.mot;

/** Role of a ground-truth row in scoring. {@link MotConfig} gives the rules. */
enum GroundTruthRole {
    /** Scored: a prediction must match it, or it is a false negative. */
    SCORED,
    /** A prediction matched to it is removed, and it is never a false negative itself. */
    IGNORE_REGION,
    /** Left out, as if absent from the file. */
    DROPPED
}
