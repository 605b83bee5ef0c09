package io.uavstream.models.onnx;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the value ranges of chosen float tensors by running the model in ONNX Runtime on
 * calibration inputs, with those tensors exposed as extra outputs. The range of a tensor is the
 * minimum and maximum over all inputs (min-max calibration).
 */
final class ActivationCalibrator {

    private static final Logger LOG = LoggerFactory.getLogger(ActivationCalibrator.class);

    private ActivationCalibrator() {}

    /**
     * Runs every input through the model and returns the range of each tensor in
     * {@code tensors} that the runs produced.
     *
     * @param inputShape shape of each input, such as [1, 3, 416, 416]
     */
    static Map<String, ActivationRange> calibrate(OnnxModel model, List<String> tensors,
            List<float[]> inputs, long[] inputShape) {
        Map<String, ActivationRange> ranges = new HashMap<>();
        try (IntermediateTensors probe = IntermediateTensors.open(model, tensors)) {
            int done = 0;
            for (float[] input : inputs) {
                probe.runFloat(input, inputShape, (name, values) -> update(ranges, name, values));
                done++;
                if (done % 20 == 0) {
                    LOG.info("Calibrated on {} of {} inputs", done, inputs.size());
                }
            }
        }
        ranges.keySet().retainAll(tensors);
        return ranges;
    }

    private static void update(Map<String, ActivationRange> ranges, String name,
            FloatBuffer values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < values.limit(); i++) {
            float value = values.get(i);
            if (value < min) {
                min = value;
            }
            if (value > max) {
                max = value;
            }
        }
        if (values.limit() == 0) {
            return;
        }
        float low = min;
        float high = max;
        ranges.merge(name, new ActivationRange(low, high), (a, b) -> a.union(b.min(), b.max()));
    }
}
