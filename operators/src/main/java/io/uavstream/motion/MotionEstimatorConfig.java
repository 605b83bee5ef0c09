package io.uavstream.motion;

import java.io.Serializable;

/**
 * Settings of a {@link CameraMotionEstimator}, validated as they are set. Distances are in pixels
 * of the downscaled grey frame that the estimator works on, whose width is at most
 * {@link #maxFrameWidth()}. Serializable, because a Flink function carries it.
 */
public final class MotionEstimatorConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxFrameWidth;
    private final int maxCorners;
    private final double cornerQuality;
    private final double minCornerDistance;
    private final int flowWindowSize;
    private final int pyramidLevels;
    private final double ransacThreshold;
    private final int minInliers;
    private final double minInlierRatio;

    private MotionEstimatorConfig(Builder builder) {
        this.maxFrameWidth = builder.maxFrameWidth;
        this.maxCorners = builder.maxCorners;
        this.cornerQuality = builder.cornerQuality;
        this.minCornerDistance = builder.minCornerDistance;
        this.flowWindowSize = builder.flowWindowSize;
        this.pyramidLevels = builder.pyramidLevels;
        this.ransacThreshold = builder.ransacThreshold;
        this.minInliers = builder.minInliers;
        this.minInlierRatio = builder.minInlierRatio;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a config with every setting at its default. */
    public static MotionEstimatorConfig defaults() {
        return builder().build();
    }

    /** Maximum width in pixels of the grey frame; wider frames are downscaled to it, keeping the aspect ratio. */
    public int maxFrameWidth() {
        return maxFrameWidth;
    }

    /** Maximum number of corners detected per frame (Shi-Tomasi). */
    public int maxCorners() {
        return maxCorners;
    }

    /** Minimum corner quality, relative to the strongest corner of the frame, in (0, 1). */
    public double cornerQuality() {
        return cornerQuality;
    }

    /** Minimum distance between two corners, in pixels of the grey frame. */
    public double minCornerDistance() {
        return minCornerDistance;
    }

    /** Side of the pyramidal Lucas-Kanade search window, in pixels of the grey frame; odd. */
    public int flowWindowSize() {
        return flowWindowSize;
    }

    /** Number of pyramid levels above the grey frame that the optical flow uses. */
    public int pyramidLevels() {
        return pyramidLevels;
    }

    /** Largest reprojection error of a RANSAC inlier, in pixels of the grey frame. */
    public double ransacThreshold() {
        return ransacThreshold;
    }

    /** Minimum number of RANSAC inliers for an estimate. */
    public int minInliers() {
        return minInliers;
    }

    /** Minimum share of the tracked corners that must be RANSAC inliers for an estimate, in [0, 1]. */
    public double minInlierRatio() {
        return minInlierRatio;
    }

    @Override
    public String toString() {
        return "MotionEstimatorConfig{maxFrameWidth=" + maxFrameWidth + ", maxCorners=" + maxCorners
                + ", cornerQuality=" + cornerQuality + ", minCornerDistance=" + minCornerDistance
                + ", flowWindowSize=" + flowWindowSize + ", pyramidLevels=" + pyramidLevels
                + ", ransacThreshold=" + ransacThreshold + ", minInliers=" + minInliers
                + ", minInlierRatio=" + minInlierRatio + "}";
    }

    /** Builder of {@link MotionEstimatorConfig}; every setter rejects an invalid value at once. */
    public static final class Builder {
        private int maxFrameWidth = 480;
        // 150 corners and a 15-pixel window cost about half the CPU time of 400 and 21. On four
        // simulated 640x480 flights, the mean error against the true homography fell for the
        // moving cameras (orbit 0.95 to 0.64 px) and rose from 0.10 to 0.16 px for the hovering one.
        private int maxCorners = 150;
        private double cornerQuality = 0.01;
        private double minCornerDistance = 8;
        private int flowWindowSize = 15;
        private int pyramidLevels = 3;
        private double ransacThreshold = 1.0;
        private int minInliers = 15;
        private double minInlierRatio = 0.3;

        private Builder() {}

        /** Sets the max grey frame width in pixels; at least 32, default 480. */
        public Builder maxFrameWidth(int maxFrameWidth) {
            if (maxFrameWidth < 32) {
                throw new IllegalArgumentException("maxFrameWidth must be at least 32 pixels, got " + maxFrameWidth);
            }
            this.maxFrameWidth = maxFrameWidth;
            return this;
        }

        /** Sets the max corners per frame; at least 4, because a homography needs 4 points; default 150. */
        public Builder maxCorners(int maxCorners) {
            if (maxCorners < 4) {
                throw new IllegalArgumentException("maxCorners must be at least 4, got " + maxCorners);
            }
            this.maxCorners = maxCorners;
            return this;
        }

        /** Sets the relative corner quality, in (0, 1); default 0.01. */
        public Builder cornerQuality(double cornerQuality) {
            if (!(cornerQuality > 0 && cornerQuality < 1)) {
                throw new IllegalArgumentException("cornerQuality must be in (0, 1), got " + cornerQuality);
            }
            this.cornerQuality = cornerQuality;
            return this;
        }

        /** Sets the min distance between corners in pixels; positive, default 8. */
        public Builder minCornerDistance(double minCornerDistance) {
            if (!(minCornerDistance > 0) || Double.isInfinite(minCornerDistance)) {
                throw new IllegalArgumentException("minCornerDistance must be a positive number of pixels, got "
                        + minCornerDistance);
            }
            this.minCornerDistance = minCornerDistance;
            return this;
        }

        /** Sets the optical-flow window side in pixels; odd and at least 5, default 15. */
        public Builder flowWindowSize(int flowWindowSize) {
            if (flowWindowSize < 5 || flowWindowSize % 2 == 0) {
                throw new IllegalArgumentException("flowWindowSize must be odd and at least 5, got " + flowWindowSize);
            }
            this.flowWindowSize = flowWindowSize;
            return this;
        }

        /** Sets the pyramid levels above the grey frame; 0 to 8, default 3. */
        public Builder pyramidLevels(int pyramidLevels) {
            if (pyramidLevels < 0 || pyramidLevels > 8) {
                throw new IllegalArgumentException("pyramidLevels must be in [0, 8], got " + pyramidLevels);
            }
            this.pyramidLevels = pyramidLevels;
            return this;
        }

        /** Sets the RANSAC inlier threshold in pixels; positive, default 1. */
        public Builder ransacThreshold(double ransacThreshold) {
            if (!(ransacThreshold > 0) || Double.isInfinite(ransacThreshold)) {
                throw new IllegalArgumentException("ransacThreshold must be a positive number of pixels, got "
                        + ransacThreshold);
            }
            this.ransacThreshold = ransacThreshold;
            return this;
        }

        /** Sets the min RANSAC inliers; at least 4, default 15. */
        public Builder minInliers(int minInliers) {
            if (minInliers < 4) {
                throw new IllegalArgumentException("minInliers must be at least 4, got " + minInliers);
            }
            this.minInliers = minInliers;
            return this;
        }

        /** Sets the min share of tracked corners that are inliers, in [0, 1]; default 0.3. */
        public Builder minInlierRatio(double minInlierRatio) {
            if (!(minInlierRatio >= 0 && minInlierRatio <= 1)) {
                throw new IllegalArgumentException("minInlierRatio must be in [0, 1], got " + minInlierRatio);
            }
            this.minInlierRatio = minInlierRatio;
            return this;
        }

        /**
         * Builds the config.
         *
         * @throws IllegalArgumentException if minInliers exceeds maxCorners, so that no frame could
         *     ever get an estimate
         */
        public MotionEstimatorConfig build() {
            if (minInliers > maxCorners) {
                throw new IllegalArgumentException("minInliers " + minInliers + " must not exceed maxCorners "
                        + maxCorners + ", or no frame could get an estimate");
            }
            return new MotionEstimatorConfig(this);
        }
    }
}
