package io.uavstream.evaluation.mot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of a tracking evaluation: the IoU threshold and which ground-truth rows are scored.
 *
 * <p>Each ground-truth row gets one of three roles, checked in this order:
 *
 * <ol>
 *   <li>Its class is an {@linkplain Builder#ignoredClasses ignored class} (a distractor such as a
 *       reflection or a person on a vehicle): an <em>ignore region</em>.
 *   <li>{@linkplain Builder#classes Classes} are given and its class is not among them: dropped,
 *       as if the row were not in the file.
 *   <li>Its flag (column 7) is 0 while {@linkplain Builder#zeroFlagIgnored zero flags are honoured},
 *       or its visibility is given and below {@linkplain Builder#minVisibility the minimum}: an
 *       ignore region.
 *   <li>Otherwise the row is scored.
 * </ol>
 *
 * <p>In each frame, predictions are matched one-to-one to the scored rows and ignore regions
 * together (most matches at IoU &ge; the threshold, then highest total IoU). A prediction matched
 * to an ignore region is removed before any metric is computed, so it is neither a true nor a
 * false positive. The ignore regions are removed too. Predictions are kept for a class when their
 * class is that class or {@link MotRecord#NOT_GIVEN}, so class-less tracker output counts for
 * every class.
 */
public final class MotConfig {

    /** IoU at which a prediction matches a ground-truth box in CLEAR MOT and IDF1. */
    public static final double DEFAULT_IOU_THRESHOLD = 0.5;

    /** MOTChallenge class ID of a walking or standing pedestrian. */
    public static final int MOT_PEDESTRIAN = 1;

    /**
     * MOTChallenge classes whose boxes are neither scored nor penalized: person on vehicle (2),
     * static person (7), distractor (8) and reflection (12), numbered as in Milan et al.,
     * "MOT16: A Benchmark for Multi-Object Tracking", 2016.
     */
    public static final Set<Integer> MOT_DISTRACTOR_CLASSES = Set.of(2, 7, 8, 12);

    private final double iouThreshold;
    private final Set<Integer> classes;
    private final boolean perClass;
    private final Set<Integer> ignoredClasses;
    private final boolean zeroFlagIgnored;
    private final double minVisibility;

    private MotConfig(Builder builder) {
        this.iouThreshold = builder.iouThreshold;
        this.classes = Set.copyOf(builder.classes);
        this.perClass = builder.perClass;
        this.ignoredClasses = Set.copyOf(builder.ignoredClasses);
        this.zeroFlagIgnored = builder.zeroFlagIgnored;
        this.minVisibility = builder.minVisibility;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Class-agnostic evaluation at IoU 0.5 that honours flag-0 rows as ignore regions. */
    public static MotConfig defaults() {
        return builder().build();
    }

    /** Pedestrian tracking as MOTChallenge scores it: class 1, with the distractor classes ignored. */
    public static MotConfig motChallengePedestrians() {
        return builder().classes(List.of(MOT_PEDESTRIAN)).ignoredClasses(MOT_DISTRACTOR_CLASSES).build();
    }

    public double iouThreshold() {
        return iouThreshold;
    }

    /** Classes whose ground truth is scored. Empty means every class not ignored. */
    public Set<Integer> classes() {
        return classes;
    }

    /** Returns whether each class of {@link #classes()} is scored on its own instead of all together. */
    public boolean perClass() {
        return perClass;
    }

    public Set<Integer> ignoredClasses() {
        return ignoredClasses;
    }

    public boolean zeroFlagIgnored() {
        return zeroFlagIgnored;
    }

    public double minVisibility() {
        return minVisibility;
    }

    /** Returns the class groups to score: one per class when {@link #perClass()}, else one for all. */
    List<ClassSelection> selections() {
        List<ClassSelection> selections = new ArrayList<>();
        if (perClass) {
            for (int classId : new TreeSet<>(classes)) {
                selections.add(new ClassSelection(String.valueOf(classId), Set.of(classId)));
            }
        } else {
            selections.add(new ClassSelection(ClassSelection.ALL_CLASSES, classes));
        }
        return selections;
    }

    /** Returns the role of a ground-truth row when scoring {@code selection}. */
    GroundTruthRole roleOf(MotRecord row, ClassSelection selection) {
        if (ignoredClasses.contains(row.classId())) {
            return GroundTruthRole.IGNORE_REGION;
        }
        if (!selection.containsClass(row.classId())) {
            return GroundTruthRole.DROPPED;
        }
        boolean flaggedOut = zeroFlagIgnored && row.confidence() == 0;
        boolean hidden = row.visibility() >= 0 && row.visibility() < minVisibility;
        return flaggedOut || hidden ? GroundTruthRole.IGNORE_REGION : GroundTruthRole.SCORED;
    }

    @Override
    public String toString() {
        return "MotConfig{iouThreshold=" + iouThreshold + ", classes=" + new TreeSet<>(classes) + ", perClass="
                + perClass + ", ignoredClasses=" + new TreeSet<>(ignoredClasses) + ", zeroFlagIgnored="
                + zeroFlagIgnored + ", minVisibility=" + minVisibility + "}";
    }

    /** Builder of {@link MotConfig}. Each setter validates its argument at once. */
    public static final class Builder {
        private double iouThreshold = DEFAULT_IOU_THRESHOLD;
        private Set<Integer> classes = Set.of();
        private boolean perClass;
        private Set<Integer> ignoredClasses = Set.of();
        private boolean zeroFlagIgnored = true;
        private double minVisibility;

        private Builder() {
        }

        /** Sets the IoU at which boxes match, in (0, 1]. Default 0.5. HOTA uses its own thresholds. */
        public Builder iouThreshold(double threshold) {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("iouThreshold must be in (0, 1], got " + threshold);
            }
            this.iouThreshold = threshold;
            return this;
        }

        /** Sets the classes to score. Empty (the default) scores every class that is not ignored. */
        public Builder classes(Collection<Integer> classIds) {
            this.classes = validClassIds(classIds, "classes");
            return this;
        }

        /** Sets whether each class is scored on its own (needs {@link #classes}). Default false. */
        public Builder perClass(boolean enabled) {
            this.perClass = enabled;
            return this;
        }

        /** Sets the distractor classes whose boxes become ignore regions. Default none. */
        public Builder ignoredClasses(Collection<Integer> classIds) {
            this.ignoredClasses = validClassIds(classIds, "ignoredClasses");
            return this;
        }

        /** Sets whether ground-truth rows with flag 0 (column 7) are ignore regions. Default true. */
        public Builder zeroFlagIgnored(boolean enabled) {
            this.zeroFlagIgnored = enabled;
            return this;
        }

        /** Sets the visibility in [0, 1] below which a ground-truth row is an ignore region. Default 0. */
        public Builder minVisibility(double visibility) {
            if (!(visibility >= 0 && visibility <= 1)) {
                throw new IllegalArgumentException("minVisibility must be in [0, 1], got " + visibility);
            }
            this.minVisibility = visibility;
            return this;
        }

        public MotConfig build() {
            if (perClass && classes.isEmpty()) {
                throw new IllegalArgumentException("perClass needs the classes to score. Set classes(...)");
            }
            for (int classId : classes) {
                if (ignoredClasses.contains(classId)) {
                    throw new IllegalArgumentException("Class " + classId + " is both scored and ignored");
                }
            }
            return new MotConfig(this);
        }

        private static Set<Integer> validClassIds(Collection<Integer> classIds, String name) {
            for (Integer classId : classIds) {
                if (classId == null || classId == MotRecord.NOT_GIVEN) {
                    throw new IllegalArgumentException(name + " must contain class IDs, got " + classId);
                }
            }
            return Set.copyOf(classIds);
        }
    }
}
