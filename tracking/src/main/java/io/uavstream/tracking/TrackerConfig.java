package io.uavstream.tracking;

import io.uavstream.tracking.kalman.KalmanNoise;
import java.io.Serializable;
import java.time.Duration;

/**
 * Validated settings of a {@link MultiObjectTracker}. Times are capture time, not frame counts,
 * so they mean the same at every frame rate. The config is serializable because a Flink
 * function that carries it is shipped with the job graph.
 *
 * <p>Detections are split by score: at least {@code highScore} is high, at least
 * {@code lowScore} but below {@code highScore} is low, and below {@code lowScore} is ignored.
 * Only high-score detections of at least {@code newTrackScore} start tracks. A detection
 * matches a track only when their IoU is strictly above the threshold of the matching stage.
 */
public final class TrackerConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Maximum confirm time and max lost time, so that microsecond arithmetic cannot overflow. */
    static final Duration MAX_DURATION = Duration.ofDays(1);

    private final TrackerAlgorithm algorithm;
    private final double highScore;
    private final double lowScore;
    private final double newTrackScore;
    private final double matchIou;
    private final double lowScoreMatchIou;
    private final double tentativeMatchIou;
    private final double matchMarginPixels;
    private final Duration confirmTime;
    private final Duration maxLostTime;
    private final int maxTracks;
    private final boolean cameraMotionCompensation;
    private final boolean perClassMatching;
    private final KalmanNoise kalmanNoise;

    private TrackerConfig(Builder builder) {
        this.algorithm = builder.algorithm;
        this.highScore = builder.highScore;
        this.lowScore = builder.lowScore;
        this.newTrackScore = builder.newTrackScore;
        this.matchIou = builder.matchIou;
        this.lowScoreMatchIou = builder.lowScoreMatchIou;
        this.tentativeMatchIou = builder.tentativeMatchIou;
        this.matchMarginPixels = builder.matchMarginPixels;
        this.confirmTime = builder.confirmTime;
        this.maxLostTime = builder.maxLostTime;
        this.maxTracks = builder.maxTracks;
        this.cameraMotionCompensation = builder.cameraMotionCompensation;
        this.perClassMatching = builder.perClassMatching;
        this.kalmanNoise = builder.kalmanNoise;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a config with every setting at its default. */
    public static TrackerConfig defaults() {
        return builder().build();
    }

    /** Returns a builder that starts from this config's settings. */
    public Builder toBuilder() {
        return new Builder()
                .algorithm(algorithm)
                .scoreThresholds(lowScore, highScore)
                .newTrackScore(newTrackScore)
                .matchIou(matchIou)
                .lowScoreMatchIou(lowScoreMatchIou)
                .tentativeMatchIou(tentativeMatchIou)
                .matchMarginPixels(matchMarginPixels)
                .confirmTime(confirmTime)
                .maxLostTime(maxLostTime)
                .maxTracks(maxTracks)
                .cameraMotionCompensation(cameraMotionCompensation)
                .perClassMatching(perClassMatching)
                .kalmanNoise(kalmanNoise);
    }

    public TrackerAlgorithm algorithm() {
        return algorithm;
    }

    /** Minimum score of a high-score detection, in [0, 1]. */
    public double highScore() {
        return highScore;
    }

    /** Minimum score of a low-score detection, in [0, 1]. Detections scoring lower are ignored. */
    public double lowScore() {
        return lowScore;
    }

    /** Minimum score of an unmatched high-score detection that starts a new track. */
    public double newTrackScore() {
        return newTrackScore;
    }

    /** IoU that a match of a high-score detection to a confirmed or lost track must exceed. */
    public double matchIou() {
        return matchIou;
    }

    /** IoU that a match of a low-score detection to a confirmed track must exceed. */
    public double lowScoreMatchIou() {
        return lowScoreMatchIou;
    }

    /** IoU that a match of a high-score detection to a tentative track must exceed. */
    public double tentativeMatchIou() {
        return tentativeMatchIou;
    }

    /**
     * Margin in pixels added on each side of the track's and the detection's box before every
     * matching stage computes their IoU. The IoU thresholds apply to the enlarged boxes. The margin
     * keeps boxes of a few pixels matchable, because their detections scatter by about their own
     * size, and barely changes the IoU of large boxes. 0 matches on plain IoU.
     */
    public double matchMarginPixels() {
        return matchMarginPixels;
    }

    /** Capture time that a tentative track must be matched in every frame to become confirmed. */
    public Duration confirmTime() {
        return confirmTime;
    }

    /** Maximum capture time a confirmed track stays LOST before it is removed. */
    public Duration maxLostTime() {
        return maxLostTime;
    }

    /** Maximum number of tentative, confirmed and lost tracks kept per tracker (per drone). */
    public int maxTracks() {
        return maxTracks;
    }

    /** Returns whether predictions are warped by the camera-motion homography passed to each update. */
    public boolean cameraMotionCompensation() {
        return cameraMotionCompensation;
    }

    /** Returns whether a detection may match only tracks of its own class. */
    public boolean perClassMatching() {
        return perClassMatching;
    }

    public KalmanNoise kalmanNoise() {
        return kalmanNoise;
    }

    @Override
    public String toString() {
        return "TrackerConfig{algorithm=" + algorithm
                + ", highScore=" + highScore
                + ", lowScore=" + lowScore
                + ", newTrackScore=" + newTrackScore
                + ", matchIou=" + matchIou
                + ", lowScoreMatchIou=" + lowScoreMatchIou
                + ", tentativeMatchIou=" + tentativeMatchIou
                + ", matchMarginPixels=" + matchMarginPixels
                + ", confirmTime=" + confirmTime
                + ", maxLostTime=" + maxLostTime
                + ", maxTracks=" + maxTracks
                + ", cameraMotionCompensation=" + cameraMotionCompensation
                + ", perClassMatching=" + perClassMatching
                + ", kalmanNoise=" + kalmanNoise
                + "}";
    }

    /**
     * Builder of {@link TrackerConfig}. Each setter checks its own argument at once, and
     * {@link #build()} checks how the settings relate to each other.
     */
    public static final class Builder {

        private TrackerAlgorithm algorithm = TrackerAlgorithm.BYTE_TRACK;
        private double highScore = 0.5;
        private double lowScore = 0.1;
        private double newTrackScore = 0.6;
        private double matchIou = 0.2;
        private double lowScoreMatchIou = 0.5;
        private double tentativeMatchIou = 0.3;
        private double matchMarginPixels = 2;
        private Duration confirmTime = Duration.ofMillis(100);
        private Duration maxLostTime = Duration.ofSeconds(8);
        private int maxTracks = 1000;
        private boolean cameraMotionCompensation = true;
        private boolean perClassMatching = false;
        private KalmanNoise kalmanNoise = KalmanNoise.defaults();

        private Builder() {
        }

        /** Sets the algorithm; default BYTE_TRACK. */
        public Builder algorithm(TrackerAlgorithm algorithm) {
            if (algorithm == null) {
                throw new IllegalArgumentException("algorithm must not be null");
            }
            this.algorithm = algorithm;
            return this;
        }

        /**
         * Sets the minimum scores of low-score and high-score detections; defaults 0.1 and 0.5.
         * Setting both equal turns off the low-score matching stage.
         */
        public Builder scoreThresholds(double lowScore, double highScore) {
            requireUnitInterval("lowScore", lowScore);
            requireUnitInterval("highScore", highScore);
            if (lowScore > highScore) {
                throw new IllegalArgumentException(
                        "lowScore must not exceed highScore, got lowScore " + lowScore + " and highScore " + highScore);
            }
            this.lowScore = lowScore;
            this.highScore = highScore;
            return this;
        }

        /** Sets the minimum score that starts a track; default 0.6; must be at least highScore. */
        public Builder newTrackScore(double newTrackScore) {
            requireUnitInterval("newTrackScore", newTrackScore);
            this.newTrackScore = newTrackScore;
            return this;
        }

        /** Sets the IoU threshold of the high-score stage, in [0, 1); default 0.2. */
        public Builder matchIou(double matchIou) {
            this.matchIou = requireIouThreshold("matchIou", matchIou);
            return this;
        }

        /** Sets the IoU threshold of the low-score stage, in [0, 1); default 0.5. */
        public Builder lowScoreMatchIou(double lowScoreMatchIou) {
            this.lowScoreMatchIou = requireIouThreshold("lowScoreMatchIou", lowScoreMatchIou);
            return this;
        }

        /** Sets the IoU threshold of the tentative-track stage, in [0, 1); default 0.3. */
        public Builder tentativeMatchIou(double tentativeMatchIou) {
            this.tentativeMatchIou = requireIouThreshold("tentativeMatchIou", tentativeMatchIou);
            return this;
        }

        /** Sets the margin in pixels added on each side of matching boxes, in [0, 100]; default 2. */
        public Builder matchMarginPixels(double matchMarginPixels) {
            if (!(matchMarginPixels >= 0 && matchMarginPixels <= 100)) {
                throw new IllegalArgumentException("matchMarginPixels must be in [0, 100], got " + matchMarginPixels);
            }
            this.matchMarginPixels = matchMarginPixels;
            return this;
        }

        /** Sets the time to confirm a track; default 100 ms; 0 confirms tracks at their first detection. */
        public Builder confirmTime(Duration confirmTime) {
            this.confirmTime = requireDuration("confirmTime", confirmTime, false);
            return this;
        }

        /**
         * Sets the max time a track stays LOST before removal; default 8 s; must be positive. With
         * camera-motion compensation a lost track's prediction stays on the ground, so a long time
         * lets objects that pass under trees or bridges, or leave the frame for a moment, keep their ID.
         */
        public Builder maxLostTime(Duration maxLostTime) {
            this.maxLostTime = requireDuration("maxLostTime", maxLostTime, true);
            return this;
        }

        /** Sets the max number of tracks kept per tracker; default 1000, because a car park seen from above contains hundreds of cars. */
        public Builder maxTracks(int maxTracks) {
            if (maxTracks < 1) {
                throw new IllegalArgumentException("maxTracks must be at least 1, got " + maxTracks);
            }
            this.maxTracks = maxTracks;
            return this;
        }

        /** Sets whether predictions follow the camera-motion homography; default true. */
        public Builder cameraMotionCompensation(boolean enabled) {
            this.cameraMotionCompensation = enabled;
            return this;
        }

        /**
         * Sets whether detections match only tracks of their own class; default false. Detectors
         * swap similar classes (van and car, car and truck) from frame to frame.
         */
        public Builder perClassMatching(boolean enabled) {
            this.perClassMatching = enabled;
            return this;
        }

        /** Sets the Kalman filter noise levels; default {@link KalmanNoise#defaults()}. */
        public Builder kalmanNoise(KalmanNoise kalmanNoise) {
            if (kalmanNoise == null) {
                throw new IllegalArgumentException("kalmanNoise must not be null");
            }
            this.kalmanNoise = kalmanNoise;
            return this;
        }

        /**
         * Builds the config.
         *
         * @throws IllegalArgumentException if newTrackScore is below highScore
         */
        public TrackerConfig build() {
            if (newTrackScore < highScore) {
                throw new IllegalArgumentException("newTrackScore must be at least highScore, because only high-score "
                        + "detections start tracks; got newTrackScore " + newTrackScore + " and highScore " + highScore);
            }
            return new TrackerConfig(this);
        }

        private static void requireUnitInterval(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
            }
        }

        private static double requireIouThreshold(String name, double value) {
            if (!(value >= 0 && value < 1)) {
                throw new IllegalArgumentException(
                        name + " must be in [0, 1), because a match needs an IoU above it; got " + value);
            }
            return value;
        }

        private static Duration requireDuration(String name, Duration value, boolean positive) {
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            if (value.isNegative() || (positive && value.isZero())) {
                throw new IllegalArgumentException(
                        name + " must be " + (positive ? "positive" : "non-negative") + ", got " + value);
            }
            if (value.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + MAX_DURATION + ", got " + value);
            }
            return value;
        }
    }
}
