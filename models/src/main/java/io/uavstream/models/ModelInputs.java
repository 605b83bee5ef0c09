package io.uavstream.models;

import java.nio.FloatBuffer;
import java.nio.file.Path;

/**
 * Model input tensors and descriptors outside a detector, for tools that run a model's graph
 * themselves: calibration of quantized models, profiling and benchmarks.
 */
public final class ModelInputs {

    private ModelInputs() {}

    /**
     * Returns {@code image} as the model's NCHW float input [1, 3, inputHeight, inputWidth]:
     * letterboxed, in the descriptor's channel order, normalised with its mean and standard
     * deviation, exactly as {@link ObjectDetector#detect} feeds it.
     */
    public static float[] tensor(ModelDescriptor descriptor, BgrImage image) {
        float[] values = new float[3 * descriptor.inputWidth() * descriptor.inputHeight()];
        new LetterboxPreprocessor(descriptor).write(image, FloatBuffer.wrap(values));
        return values;
    }

    /**
     * Finds the descriptor of {@code modelPath} as {@link ObjectDetectors#open(Path, int)} does:
     * a {@code .json} file itself, else {@code <name>.json} beside the {@code .onnx} file, else a
     * descriptor bundled for that file name.
     *
     * @throws InvalidModelException if there is none or it is invalid
     */
    public static ModelDescriptor descriptorOf(Path modelPath) {
        return DescriptorLocator.locate(modelPath);
    }
}
