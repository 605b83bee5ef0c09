package io.uavstream.evaluation.odometry;

import java.util.Objects;

/** Settings of a trajectory evaluation, with times in seconds. */
public final class OdometryConfig {

    /** Default maximum timestamp difference of an association, 0.02 s as in the TUM tools. */
    public static final double DEFAULT_MAX_TIME_DIFFERENCE = 0.02;
    /** Default RPE time delta, 1 s (drift per second). */
    public static final double DEFAULT_RPE_DELTA = 1.0;
    /** Default RPE tolerance, 0.1 s, enough for poses at 5 Hz or more. */
    public static final double DEFAULT_RPE_TOLERANCE = 0.1;
    /** Fewest associated poses with which a sequence is evaluated. */
    public static final int MIN_POSES = 3;

    private final double maxTimeDifference;
    private final double timeOffset;
    private final Alignment alignment;
    private final double rpeDelta;
    private final double rpeTolerance;

    private OdometryConfig(Builder builder) {
        this.maxTimeDifference = builder.maxTimeDifference;
        this.timeOffset = builder.timeOffset;
        this.alignment = builder.alignment;
        this.rpeDelta = builder.rpeDelta;
        this.rpeTolerance = builder.rpeTolerance;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** SE(3) alignment, 0.02 s association, RPE over 1 s. */
    public static OdometryConfig defaults() {
        return builder().build();
    }

    /** Maximum difference in seconds between associated timestamps. */
    public double maxTimeDifference() {
        return maxTimeDifference;
    }

    /** Seconds added to the estimate's timestamps before association. */
    public double timeOffset() {
        return timeOffset;
    }

    public Alignment alignment() {
        return alignment;
    }

    /** Time delta in seconds over which the RPE compares motions. */
    public double rpeDelta() {
        return rpeDelta;
    }

    /** Maximum seconds by which an RPE pose pair may miss the delta. */
    public double rpeTolerance() {
        return rpeTolerance;
    }

    @Override
    public String toString() {
        return "OdometryConfig{maxTimeDifference=" + maxTimeDifference + ", timeOffset=" + timeOffset + ", alignment="
                + alignment + ", rpeDelta=" + rpeDelta + ", rpeTolerance=" + rpeTolerance + "}";
    }

    /** Builder of {@link OdometryConfig}. Each setter validates its argument at once. */
    public static final class Builder {
        private double maxTimeDifference = DEFAULT_MAX_TIME_DIFFERENCE;
        private double timeOffset;
        private Alignment alignment = Alignment.SE3;
        private double rpeDelta = DEFAULT_RPE_DELTA;
        private double rpeTolerance = DEFAULT_RPE_TOLERANCE;

        private Builder() {
        }

        /** Sets the maximum timestamp difference of an association, in seconds (at least 0). */
        public Builder maxTimeDifference(double seconds) {
            this.maxTimeDifference = nonNegative(seconds, "maxTimeDifference");
            return this;
        }

        /** Sets the seconds added to the estimate's timestamps before association. Default 0. */
        public Builder timeOffset(double seconds) {
            if (!Double.isFinite(seconds)) {
                throw new IllegalArgumentException("timeOffset must be finite, got " + seconds);
            }
            this.timeOffset = seconds;
            return this;
        }

        /** Sets the ATE alignment. Default SE(3). Sim(3) also rescales the estimate for the RPE. */
        public Builder alignment(Alignment mode) {
            this.alignment = Objects.requireNonNull(mode, "alignment");
            return this;
        }

        /** Sets the RPE time delta in seconds (more than 0). Default 1. */
        public Builder rpeDelta(double seconds) {
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("rpeDelta must be positive and finite, got " + seconds);
            }
            this.rpeDelta = seconds;
            return this;
        }

        /** Sets how many seconds an RPE pose pair may miss the delta by (at least 0). Default 0.1. */
        public Builder rpeTolerance(double seconds) {
            this.rpeTolerance = nonNegative(seconds, "rpeTolerance");
            return this;
        }

        public OdometryConfig build() {
            if (rpeTolerance >= rpeDelta) {
                throw new IllegalArgumentException("rpeTolerance (" + rpeTolerance + " s) must be less than rpeDelta ("
                        + rpeDelta + " s)");
            }
            return new OdometryConfig(this);
        }

        private static double nonNegative(double seconds, String name) {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException(name + " must be finite and non-negative, got " + seconds);
            }
            return seconds;
        }
    }
}
