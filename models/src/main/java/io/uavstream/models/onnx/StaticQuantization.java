package io.uavstream.models.onnx;

import io.uavstream.models.InvalidModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static int8 quantization of a model file: calibrates activation ranges in ONNX Runtime, then
 * writes the QDQ model that {@link QdqQuantizer} builds.
 */
public final class StaticQuantization {

    private static final Logger LOG = LoggerFactory.getLogger(StaticQuantization.class);

    private StaticQuantization() {}

    /**
     * Quantizes {@code input} into {@code output}.
     *
     * @param calibrationInputs model inputs, each of {@code inputShape}; a few dozen frames like
     *     those the model will see
     * @throws InvalidModelException if the model cannot be run or quantized
     * @throws UncheckedIOException if {@code output} cannot be written
     */
    public static QdqQuantizer.Result quantize(Path input, Path output,
            List<float[]> calibrationInputs, long[] inputShape, QdqQuantizer.Options options) {
        if (calibrationInputs.isEmpty()) {
            throw new IllegalArgumentException("Static quantization needs calibration inputs");
        }
        OnnxModel model = OnnxModel.read(input);
        Map<String, OnnxValueInfo> types = ModelInspector.shapes(model, (int) inputShape[3]);
        List<String> tensors = QdqQuantizer.activationTensors(model, types, options);
        LOG.info("Calibrating {} activation tensors of {} on {} inputs", tensors.size(), input,
                calibrationInputs.size());
        Map<String, ActivationRange> ranges = ActivationCalibrator.calibrate(model, tensors,
                calibrationInputs, inputShape);
        QdqQuantizer.Result result = QdqQuantizer.quantize(model, types, ranges, options);
        try {
            Files.write(output, result.model());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write quantized model " + output, e);
        }
        return result;
    }
}
