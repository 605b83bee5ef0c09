package io.uavstream.cli.models;

import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelInputs;
import java.nio.file.Path;

/**
 * One model of a bench run: its file, its descriptor, and the label of its table row.
 *
 * @param label row label: the descriptor's id
 * @param descriptor the model's descriptor, as a detector opens it
 */
record BenchModel(String label, ModelDescriptor descriptor) {

    /** Finds the descriptor of {@code path} (.onnx or .json) as {@code uavstream run} does. */
    static BenchModel of(Path path) {
        ModelDescriptor descriptor = ModelInputs.descriptorOf(path);
        return new BenchModel(descriptor.id(), descriptor);
    }

    Path modelPath() {
        return descriptor.modelPath();
    }
}
