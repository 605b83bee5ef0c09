package io.uavstream.models;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the latency of {@link ObjectDetector#detect} (letterbox, ONNX Runtime and decoding)
 * of the bundled model on the held-out test frame, at the intra-op thread counts given as
 * arguments (default 1 and 2). A benchmark main, not a test: it runs 20 warm-up frames and then
 * 200 timed frames per thread count, and logs the median, mean and 90th percentile.
 *
 * <p>Run from the repository root after {@code mvn -o -q -B -pl models install}:
 * {@code java -cp "$(cat /tmp/models-cp.txt):models/target/classes:models/target/test-classes"
 * io.uavstream.models.DefaultModelLatency 1 2}, with the class path written by
 * {@code mvn -o -q -B -pl models dependency:build-classpath -Dmdep.outputFile=/tmp/models-cp.txt}.
 */
public final class DefaultModelLatency {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultModelLatency.class);

    private static final int WARM_UP_FRAMES = 20;
    private static final int TIMED_FRAMES = 200;

    private DefaultModelLatency() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        int[] threadCounts = args.length == 0 ? new int[] {1, 2}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        BgrImage frame = BgrImages.read(Path.of(DefaultModelLatency.class
                .getResource("default/seed101-drone4-frame301.jpg").toURI()));
        Path cache = Files.createTempDirectory("uavdet-latency");
        Path descriptor = DefaultModel.extractTo(cache);
        for (int threads : threadCounts) {
            measure(descriptor, frame, threads);
        }
    }

    private static void measure(Path descriptor, BgrImage frame, int threads) {
        double[] millis = new double[TIMED_FRAMES];
        try (ObjectDetector detector = ObjectDetectors.open(descriptor, threads)) {
            for (int i = 0; i < WARM_UP_FRAMES; i++) {
                detector.detect(frame);
            }
            for (int i = 0; i < TIMED_FRAMES; i++) {
                long start = System.nanoTime();
                detector.detect(frame);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        double mean = Arrays.stream(millis).average().orElse(Double.NaN);
        LOG.info("{} on a {}x{} frame, {} intra-op thread(s): median {} ms, mean {} ms, p90 {} ms"
                + " over {} frames", DefaultModel.ID, frame.width(), frame.height(), threads,
                String.format("%.2f", millis[TIMED_FRAMES / 2]), String.format("%.2f", mean),
                String.format("%.2f", millis[TIMED_FRAMES * 9 / 10]), TIMED_FRAMES);
    }
}
