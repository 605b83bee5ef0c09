package io.uavstream.simulator.noise;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Parameters of the detection noise model, loaded from JSON. See docs/simulator.md for the file
 * format and {@link DetectionNoiseModel} for how each parameter acts.
 *
 * @param name profile name
 * @param missRate probability of missing a fully visible object, 0 to 1
 * @param occlusionExponent detection probability scales with visibility raised to this power (0 = occlusion does not matter)
 * @param minBoxPixels boxes with a smaller area in pixels are never detected
 * @param jitterPixels standard deviation of the noise on each box edge, in pixels
 * @param falsePositiveRate expected false positives per ground-truth box in the frame
 * @param falsePositivesPerFrame expected false positives per frame regardless of content
 * @param truePositiveScore score distribution of detections of real objects
 * @param falsePositiveScore score distribution of false positives
 * @param minScore scores are clipped to [minScore, 1]; detections are always reported
 * @param classConfusion per true class name, the probability of reporting each other class name
 */
public record NoiseProfile(String name, double missRate, double occlusionExponent, double minBoxPixels,
        double jitterPixels, double falsePositiveRate, double falsePositivesPerFrame, ScoreDistribution truePositiveScore,
        ScoreDistribution falsePositiveScore, double minScore, Map<String, Map<String, Double>> classConfusion) {

    /** Profiles shipped in the jar under {@code io/uavstream/simulator/noise/NAME.json}. */
    public static final List<String> BUNDLED = List.of("default", "perfect", "noisy");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * A normal distribution clipped to [minScore, 1].
     *
     * @param mean mean score
     * @param stddev standard deviation
     */
    public record ScoreDistribution(double mean, double stddev) {
        public ScoreDistribution {
            requireRange("score mean", mean, 0, 1);
            requireRange("score stddev", stddev, 0, 1);
        }
    }

    public NoiseProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("noise profile name must not be blank");
        }
        requireRange("missRate", missRate, 0, 1);
        requireRange("occlusionExponent", occlusionExponent, 0, 10);
        requireRange("minBoxPixels", minBoxPixels, 0, 1e6);
        requireRange("jitterPixels", jitterPixels, 0, 100);
        requireRange("falsePositiveRate", falsePositiveRate, 0, 10);
        requireRange("falsePositivesPerFrame", falsePositivesPerFrame, 0, 100);
        requireRange("minScore", minScore, 0, 1);
        if (truePositiveScore == null || falsePositiveScore == null) {
            throw new IllegalArgumentException("noise profile " + name + " needs truePositiveScore and falsePositiveScore");
        }
        classConfusion = classConfusion == null ? Map.of() : Map.copyOf(classConfusion);
        for (Map.Entry<String, Map<String, Double>> entry : classConfusion.entrySet()) {
            double total = 0;
            for (double probability : entry.getValue().values()) {
                requireRange("class confusion probability of " + entry.getKey(), probability, 0, 1);
                total += probability;
            }
            if (total > 1) {
                throw new IllegalArgumentException("class confusion probabilities of " + entry.getKey()
                        + " add up to " + total + ", more than 1");
            }
        }
    }

    /**
     * Loads a profile: {@code nameOrPath} is a JSON file if one exists there, otherwise the name of
     * a bundled profile ({@link #BUNDLED}).
     *
     * @throws IllegalArgumentException if neither exists or the JSON is invalid
     */
    public static NoiseProfile load(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        try {
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    return parse(in, path.toString());
                }
            }
            if (!nameOrPath.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("Noise profile file " + nameOrPath + " not found; bundled profiles: " + BUNDLED);
            }
            try (InputStream in = NoiseProfile.class.getResourceAsStream(nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalArgumentException("Noise profile '" + nameOrPath
                            + "' is neither a file nor a bundled profile; bundled profiles: " + BUNDLED);
                }
                return parse(in, "bundled profile " + nameOrPath);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read noise profile " + nameOrPath, e);
        }
    }

    private static NoiseProfile parse(InputStream in, String source) throws IOException {
        try {
            return MAPPER.readValue(in, NoiseProfile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Invalid noise profile in " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
