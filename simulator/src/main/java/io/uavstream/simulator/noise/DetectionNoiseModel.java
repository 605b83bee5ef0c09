package io.uavstream.simulator.noise;

import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.traffic.ObjectClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns a frame's ground-truth boxes into the detections a real detector might output, under a
 * {@link NoiseProfile}:
 *
 * <ol>
 *   <li>An object is detected with probability (1 - missRate) * visibility^occlusionExponent,
 *       and never if its box is smaller than minBoxPixels.
 *   <li>Each edge of a detected box moves by a normal draw with standard deviation jitterPixels;
 *       the box is clipped to the image.
 *   <li>The class changes to another with the profile's confusion probabilities.
 *   <li>The score is drawn from the true-positive distribution, scaled down by occlusion
 *       (times 0.6 + 0.4 * visibility).
 *   <li>A Poisson number of false positives with mean falsePositivesPerFrame + falsePositiveRate *
 *       (number of truth boxes) is added: boxes the size of a random truth box (or 8 to 40 pixels
 *       in an empty frame) at uniform positions, with scores from the false-positive distribution.
 * </ol>
 *
 * <p>The output of a frame depends only on the seed, the frame number and its input.
 */
public final class DetectionNoiseModel {

    private final NoiseProfile profile;
    private final long seed;

    public DetectionNoiseModel(NoiseProfile profile, long seed) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.seed = seed;
    }

    public NoiseProfile profile() {
        return profile;
    }

    /**
     * Returns the detections of one frame, in MOT detection layout (track ID -1, score, class, visibility -1).
     *
     * @param frame frame number
     * @param truth the frame's ground-truth records
     * @param width image width in pixels
     * @param height image height in pixels
     */
    public List<MotRecord> detect(int frame, List<MotRecord> truth, int width, int height) {
        SplittableRandom random = new SplittableRandom(mix(seed, frame));
        List<MotRecord> detections = new ArrayList<>();
        for (MotRecord box : truth) {
            double area = box.width() * box.height();
            double detectProbability = (1 - profile.missRate())
                    * Math.pow(Math.max(0, box.visibility()), profile.occlusionExponent());
            boolean detected = random.nextDouble() < detectProbability && area >= profile.minBoxPixels();
            double[] edges = {
                box.left() + gaussian(random) * profile.jitterPixels(),
                box.top() + gaussian(random) * profile.jitterPixels(),
                box.left() + box.width() + gaussian(random) * profile.jitterPixels(),
                box.top() + box.height() + gaussian(random) * profile.jitterPixels(),
            };
            int category = confuse(box.categoryId(), random);
            double score = score(profile.truePositiveScore(), random) * (0.6 + 0.4 * box.visibility());
            if (detected) {
                addClipped(detections, frame, edges, Math.max(profile.minScore(), score), category, width, height);
            }
        }
        int falsePositives = poisson(profile.falsePositivesPerFrame() + profile.falsePositiveRate() * truth.size(), random);
        for (int k = 0; k < falsePositives; k++) {
            double boxWidth;
            double boxHeight;
            int category;
            if (truth.isEmpty()) {
                boxWidth = random.nextDouble(8, 40);
                boxHeight = random.nextDouble(8, 40);
                category = ObjectClass.CAR.categoryId();
            } else {
                MotRecord template = truth.get(random.nextInt(truth.size()));
                double scale = random.nextDouble(0.6, 1.4);
                boxWidth = Math.max(2, template.width() * scale);
                boxHeight = Math.max(2, template.height() * scale);
                category = template.categoryId();
            }
            double left = random.nextDouble(0, Math.max(1, width - boxWidth));
            double top = random.nextDouble(0, Math.max(1, height - boxHeight));
            double[] edges = {left, top, left + boxWidth, top + boxHeight};
            addClipped(detections, frame, edges, score(profile.falsePositiveScore(), random), category, width, height);
        }
        return detections;
    }

    private void addClipped(List<MotRecord> detections, int frame, double[] edges, double score, int category,
            int width, int height) {
        double left = Math.max(0, Math.min(edges[0], edges[2]));
        double top = Math.max(0, Math.min(edges[1], edges[3]));
        double right = Math.min(width, Math.max(edges[0], edges[2]));
        double bottom = Math.min(height, Math.max(edges[1], edges[3]));
        if (right - left < 1 || bottom - top < 1) {
            return;
        }
        detections.add(new MotRecord(frame, -1, left, top, right - left, bottom - top, score, category, -1));
    }

    private int confuse(int categoryId, SplittableRandom random) {
        double u = random.nextDouble();
        ObjectClass trueClass = ObjectClass.ofCategoryId(categoryId);
        Map<String, Double> confusions = profile.classConfusion().get(trueClass.categoryName());
        if (confusions == null) {
            return categoryId;
        }
        for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(confusions).entrySet()) {
            u -= entry.getValue();
            if (u < 0) {
                return ObjectClass.ofCategoryName(entry.getKey()).categoryId();
            }
        }
        return categoryId;
    }

    private double score(NoiseProfile.ScoreDistribution distribution, SplittableRandom random) {
        double value = distribution.mean() + distribution.stddev() * gaussian(random);
        return Math.max(profile.minScore(), Math.min(1, value));
    }

    /** Returns a Poisson draw by Knuth's multiplication method, fine for the small means used here. */
    static int poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-Math.min(mean, 500));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Mixes a seed and a frame number into a well-spread 64-bit seed (the SplitMix64 finalizer). */
    static long mix(long seed, long value) {
        long z = seed + 0x9E3779B97F4A7C15L * (value + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
