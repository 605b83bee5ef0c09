package io.uavstream.evaluation.detection;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Settings of a COCO-style detection evaluation. */
public final class DetectionConfig {

    /** Default maximum number of detections per image and class, the COCO default of 100. */
    public static final int DEFAULT_MAX_DETECTIONS = 100;

    private final int maxDetectionsPerImage;
    private final boolean crowdRegions;
    private final Set<Integer> classes;

    private DetectionConfig(Builder builder) {
        this.maxDetectionsPerImage = builder.maxDetectionsPerImage;
        this.crowdRegions = builder.crowdRegions;
        this.classes = Set.copyOf(builder.classes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DetectionConfig defaults() {
        return builder().build();
    }

    /** Maximum detections kept per image and class, the highest scores first. */
    public int maxDetectionsPerImage() {
        return maxDetectionsPerImage;
    }

    /** Returns whether ground-truth crowd boxes are crowd regions. If not, they are ordinary objects. */
    public boolean crowdRegions() {
        return crowdRegions;
    }

    /** Classes to evaluate. Empty means every class found in ground truth or detections. */
    public Set<Integer> classes() {
        return classes;
    }

    @Override
    public String toString() {
        return "DetectionConfig{maxDetectionsPerImage=" + maxDetectionsPerImage + ", crowdRegions=" + crowdRegions
                + ", classes=" + new TreeSet<>(classes) + "}";
    }

    /** Builder of {@link DetectionConfig}. Each setter validates its argument at once. */
    public static final class Builder {
        private int maxDetectionsPerImage = DEFAULT_MAX_DETECTIONS;
        private boolean crowdRegions = true;
        private Set<Integer> classes = Set.of();

        private Builder() {
        }

        /** Sets the maximum detections per image and class (at least 1). Default 100. */
        public Builder maxDetectionsPerImage(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxDetectionsPerImage must be at least 1, got " + max);
            }
            this.maxDetectionsPerImage = max;
            return this;
        }

        /** Sets whether crowd boxes of the ground truth are crowd regions. Default true. */
        public Builder crowdRegions(boolean enabled) {
            this.crowdRegions = enabled;
            return this;
        }

        /** Sets the classes to evaluate. Default empty, meaning every class present. */
        public Builder classes(Collection<Integer> classIds) {
            for (Integer classId : classIds) {
                if (classId == null) {
                    throw new IllegalArgumentException("classes must not contain null");
                }
            }
            this.classes = Set.copyOf(classIds);
            return this;
        }

        public DetectionConfig build() {
            return new DetectionConfig(this);
        }
    }
}
