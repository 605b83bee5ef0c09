package io.uavstream.odometry;

import java.io.Serializable;

/**
 * Settings of the visual odometry, validated as they are set. Pixel distances are in pixels of
 * the processed grey frame, whose width is at most {@link #maxFrameWidth()}. Serializable, because
 * a Flink function carries it.
 */
public final class OdometryConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxFrameWidth;
    private final int maxFeatures;
    private final double featureQuality;
    private final double minFeatureDistance;
    private final int flowWindowSize;
    private final int pyramidLevels;
    private final double forwardBackwardThreshold;
    private final double ransacThreshold;
    private final int minInliers;
    private final int keyframeMinTracks;
    private final double keyframeParallax;
    private final double initialisationParallax;
    private final double essentialMinParallax;
    private final double homographyScoreRatio;
    private final long maxFrameGapMicros;
    private final double altitudeGain;
    private final double gpsGain;
    private final double gpsGateMetres;
    private final double gpsGateGrowthMetresPerSecond;

    private OdometryConfig(Builder builder) {
        this.maxFrameWidth = builder.maxFrameWidth;
        this.maxFeatures = builder.maxFeatures;
        this.featureQuality = builder.featureQuality;
        this.minFeatureDistance = builder.minFeatureDistance;
        this.flowWindowSize = builder.flowWindowSize;
        this.pyramidLevels = builder.pyramidLevels;
        this.forwardBackwardThreshold = builder.forwardBackwardThreshold;
        this.ransacThreshold = builder.ransacThreshold;
        this.minInliers = builder.minInliers;
        this.keyframeMinTracks = builder.keyframeMinTracks;
        this.keyframeParallax = builder.keyframeParallax;
        this.initialisationParallax = builder.initialisationParallax;
        this.essentialMinParallax = builder.essentialMinParallax;
        this.homographyScoreRatio = builder.homographyScoreRatio;
        this.maxFrameGapMicros = builder.maxFrameGapMicros;
        this.altitudeGain = builder.altitudeGain;
        this.gpsGain = builder.gpsGain;
        this.gpsGateMetres = builder.gpsGateMetres;
        this.gpsGateGrowthMetresPerSecond = builder.gpsGateGrowthMetresPerSecond;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a config with every setting at its default. */
    public static OdometryConfig defaults() {
        return builder().build();
    }

    /** Maximum width in pixels of the processed grey frame; wider frames are downscaled to it. */
    public int maxFrameWidth() {
        return maxFrameWidth;
    }

    /** Maximum number of tracked features (Shi-Tomasi corners). */
    public int maxFeatures() {
        return maxFeatures;
    }

    /** Minimum corner quality relative to the strongest corner of the frame, in (0, 1). */
    public double featureQuality() {
        return featureQuality;
    }

    /** Minimum distance between two features in pixels. */
    public double minFeatureDistance() {
        return minFeatureDistance;
    }

    /** Side of the pyramidal Lucas-Kanade search window in pixels; odd. */
    public int flowWindowSize() {
        return flowWindowSize;
    }

    /** Pyramid levels above the frame that the optical flow uses. */
    public int pyramidLevels() {
        return pyramidLevels;
    }

    /** Largest distance in pixels between a feature and its position tracked forward then back; 0 turns the check off. */
    public double forwardBackwardThreshold() {
        return forwardBackwardThreshold;
    }

    /** Largest reprojection error of a RANSAC inlier, in pixels. */
    public double ransacThreshold() {
        return ransacThreshold;
    }

    /** Minimum number of RANSAC inliers for a pose; with fewer the frame is LOST. */
    public int minInliers() {
        return minInliers;
    }

    /** Number of tracked features below which the current frame becomes a keyframe and new features are added. */
    public int keyframeMinTracks() {
        return keyframeMinTracks;
    }

    /** Median feature displacement since the keyframe, in pixels, at which the current frame becomes a keyframe. */
    public double keyframeParallax() {
        return keyframeParallax;
    }

    /** Median feature displacement in pixels needed to estimate the ground plane when no attitude is known. */
    public double initialisationParallax() {
        return initialisationParallax;
    }

    /** Median feature displacement in pixels below which the essential matrix is not tried, because its translation is unobservable. */
    public double essentialMinParallax() {
        return essentialMinParallax;
    }

    /** Homography score share S_H / (S_H + S_E) above which the homography model is chosen, in (0, 1). */
    public double homographyScoreRatio() {
        return homographyScoreRatio;
    }

    /** Capture-time gap in microseconds between two frames after which tracking restarts. */
    public long maxFrameGapMicros() {
        return maxFrameGapMicros;
    }

    /** Weight in [0, 1] of the telemetry height against the visual height per frame; 1 takes the telemetry as is. */
    public double altitudeGain() {
        return altitudeGain;
    }

    /** Weight in (0, 1] of each accepted GPS fix against the visual position. */
    public double gpsGain() {
        return gpsGain;
    }

    /** Largest distance in metres between a GPS fix and the fused position for the fix to be accepted. */
    public double gpsGateMetres() {
        return gpsGateMetres;
    }

    /** Growth of the GPS gate in metres per second since the last accepted fix, the visual drift allowed for. */
    public double gpsGateGrowthMetresPerSecond() {
        return gpsGateGrowthMetresPerSecond;
    }

    @Override
    public String toString() {
        return "OdometryConfig{maxFrameWidth=" + maxFrameWidth + ", maxFeatures=" + maxFeatures
                + ", featureQuality=" + featureQuality + ", minFeatureDistance=" + minFeatureDistance
                + ", flowWindowSize=" + flowWindowSize + ", pyramidLevels=" + pyramidLevels
                + ", forwardBackwardThreshold=" + forwardBackwardThreshold + ", ransacThreshold=" + ransacThreshold
                + ", minInliers=" + minInliers + ", keyframeMinTracks=" + keyframeMinTracks
                + ", keyframeParallax=" + keyframeParallax + ", initialisationParallax=" + initialisationParallax
                + ", essentialMinParallax=" + essentialMinParallax + ", homographyScoreRatio=" + homographyScoreRatio
                + ", maxFrameGapMicros=" + maxFrameGapMicros + ", altitudeGain=" + altitudeGain
                + ", gpsGain=" + gpsGain + ", gpsGateMetres=" + gpsGateMetres
                + ", gpsGateGrowthMetresPerSecond=" + gpsGateGrowthMetresPerSecond + "}";
    }

    /** Builder of {@link OdometryConfig}; every setter rejects an invalid value at once. */
    public static final class Builder {
        private int maxFrameWidth = 640;
        private int maxFeatures = 300;
        private double featureQuality = 0.01;
        private double minFeatureDistance = 12;
        private int flowWindowSize = 21;
        private int pyramidLevels = 3;
        private double forwardBackwardThreshold = 1.0;
        private double ransacThreshold = 1.5;
        private int minInliers = 20;
        private int keyframeMinTracks = 150;
        private double keyframeParallax = 60;
        private double initialisationParallax = 25;
        private double essentialMinParallax = 15;
        private double homographyScoreRatio = 0.45;
        private long maxFrameGapMicros = 500_000;
        private double altitudeGain = 0.2;
        private double gpsGain = 0.05;
        private double gpsGateMetres = 15;
        private double gpsGateGrowthMetresPerSecond = 1.0;

        private Builder() {
        }

        /** Sets the max processed frame width in pixels; at least 64, default 640. */
        public Builder maxFrameWidth(int pixels) {
            requireAtLeast("maxFrameWidth", pixels, 64);
            this.maxFrameWidth = pixels;
            return this;
        }

        /** Sets the max tracked features; at least 8, default 300. */
        public Builder maxFeatures(int count) {
            requireAtLeast("maxFeatures", count, 8);
            this.maxFeatures = count;
            return this;
        }

        /** Sets the relative corner quality, in (0, 1); default 0.01. */
        public Builder featureQuality(double quality) {
            requireOpenUnit("featureQuality", quality);
            this.featureQuality = quality;
            return this;
        }

        /** Sets the min distance between features in pixels; at least 1, default 12. */
        public Builder minFeatureDistance(double pixels) {
            requireAtLeast("minFeatureDistance", pixels, 1);
            this.minFeatureDistance = pixels;
            return this;
        }

        /** Sets the optical-flow window side in pixels; odd, at least 5, default 21. */
        public Builder flowWindowSize(int pixels) {
            requireAtLeast("flowWindowSize", pixels, 5);
            if (pixels % 2 == 0) {
                throw new IllegalArgumentException("flowWindowSize must be odd, got " + pixels);
            }
            this.flowWindowSize = pixels;
            return this;
        }

        /** Sets the pyramid levels above the frame; 0 to 6, default 3. */
        public Builder pyramidLevels(int levels) {
            if (levels < 0 || levels > 6) {
                throw new IllegalArgumentException("pyramidLevels must be in [0, 6], got " + levels);
            }
            this.pyramidLevels = levels;
            return this;
        }

        /** Sets the forward-backward check distance in pixels; 0 turns it off; default 1. */
        public Builder forwardBackwardThreshold(double pixels) {
            requireAtLeast("forwardBackwardThreshold", pixels, 0);
            this.forwardBackwardThreshold = pixels;
            return this;
        }

        /** Sets the RANSAC inlier threshold in pixels; positive, default 1.5. */
        public Builder ransacThreshold(double pixels) {
            requirePositive("ransacThreshold", pixels);
            this.ransacThreshold = pixels;
            return this;
        }

        /** Sets the min RANSAC inliers for a pose; at least 8, default 20. */
        public Builder minInliers(int count) {
            requireAtLeast("minInliers", count, 8);
            this.minInliers = count;
            return this;
        }

        /** Sets the tracked-feature count below which a keyframe is made; at least 8, default 150. */
        public Builder keyframeMinTracks(int count) {
            requireAtLeast("keyframeMinTracks", count, 8);
            this.keyframeMinTracks = count;
            return this;
        }

        /** Sets the keyframe parallax in pixels; positive, default 60. */
        public Builder keyframeParallax(double pixels) {
            requirePositive("keyframeParallax", pixels);
            this.keyframeParallax = pixels;
            return this;
        }

        /** Sets the parallax needed to estimate the ground plane, in pixels; positive, default 25. */
        public Builder initialisationParallax(double pixels) {
            requirePositive("initialisationParallax", pixels);
            this.initialisationParallax = pixels;
            return this;
        }

        /** Sets the parallax below which the essential matrix is not tried, in pixels; at least 0, default 15. */
        public Builder essentialMinParallax(double pixels) {
            requireAtLeast("essentialMinParallax", pixels, 0);
            this.essentialMinParallax = pixels;
            return this;
        }

        /** Sets the homography score share above which the homography is chosen, in (0, 1); default 0.45. */
        public Builder homographyScoreRatio(double ratio) {
            requireOpenUnit("homographyScoreRatio", ratio);
            this.homographyScoreRatio = ratio;
            return this;
        }

        /** Sets the capture-time gap in microseconds after which tracking restarts; positive, default 500000. */
        public Builder maxFrameGapMicros(long micros) {
            if (micros <= 0) {
                throw new IllegalArgumentException("maxFrameGapMicros must be positive, got " + micros);
            }
            this.maxFrameGapMicros = micros;
            return this;
        }

        /** Sets the weight of the telemetry height per frame, in [0, 1]; default 0.2. */
        public Builder altitudeGain(double gain) {
            if (!(gain >= 0 && gain <= 1)) {
                throw new IllegalArgumentException("altitudeGain must be in [0, 1], got " + gain);
            }
            this.altitudeGain = gain;
            return this;
        }

        /** Sets the weight of an accepted GPS fix, in (0, 1]; default 0.05. */
        public Builder gpsGain(double gain) {
            if (!(gain > 0 && gain <= 1)) {
                throw new IllegalArgumentException("gpsGain must be in (0, 1], got " + gain);
            }
            this.gpsGain = gain;
            return this;
        }

        /** Sets the GPS gate in metres; positive, default 15. */
        public Builder gpsGateMetres(double metres) {
            requirePositive("gpsGateMetres", metres);
            this.gpsGateMetres = metres;
            return this;
        }

        /** Sets the GPS gate growth in metres per second; at least 0, default 1. */
        public Builder gpsGateGrowthMetresPerSecond(double metresPerSecond) {
            requireAtLeast("gpsGateGrowthMetresPerSecond", metresPerSecond, 0);
            this.gpsGateGrowthMetresPerSecond = metresPerSecond;
            return this;
        }

        /** Validates the combined settings and builds the config. */
        public OdometryConfig build() {
            if (keyframeMinTracks > maxFeatures) {
                throw new IllegalArgumentException("keyframeMinTracks (" + keyframeMinTracks
                        + ") must not exceed maxFeatures (" + maxFeatures + ")");
            }
            if (minInliers > keyframeMinTracks) {
                throw new IllegalArgumentException("minInliers (" + minInliers
                        + ") must not exceed keyframeMinTracks (" + keyframeMinTracks + ")");
            }
            return new OdometryConfig(this);
        }

        private static void requireAtLeast(String name, double value, double min) {
            if (!(value >= min) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
            }
        }

        private static void requirePositive(String name, double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
            }
        }

        private static void requireOpenUnit(String name, double value) {
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
            }
        }
    }
}
