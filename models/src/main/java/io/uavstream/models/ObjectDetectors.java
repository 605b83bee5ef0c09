package io.uavstream.models;

import java.nio.file.Path;
import java.util.Objects;

/** Builds {@link ObjectDetector}s from model descriptors. */
public final class ObjectDetectors {

    private ObjectDetectors() {}

    /**
     * Opens the detector that {@code modelPath} names: a descriptor file ({@code .json}) or an
     * {@code .onnx} file. For an {@code .onnx} file the descriptor is {@code <name>.json} in the
     * same folder or, when there is none, the descriptor bundled with this library for that file
     * name. Descriptors are bundled for {@code nanodet-plus-m-416.onnx},
     * {@code nanodet-plus-m-416-int8.onnx} and {@code yolox-nano-416.onnx}.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads for this session, at least 1
     * @throws InvalidModelException if the descriptor or model is missing, malformed, or does not
     *     match
     */
    public static ObjectDetector open(Path modelPath, int intraOpThreads) {
        Objects.requireNonNull(modelPath, "modelPath");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        ModelDescriptor descriptor = DescriptorLocator.locate(modelPath);
        return OnnxObjectDetector.open(descriptor, intraOpThreads);
    }

    /**
     * Opens {@link DefaultModel}, the detector bundled in this jar, after extracting it to the
     * default cache folder.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads for this session, at least 1
     * @throws java.io.UncheckedIOException if the cache folder cannot be written
     */
    public static ObjectDetector openDefault(int intraOpThreads) {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        return OnnxObjectDetector.open(DefaultModel.descriptor(), intraOpThreads);
    }

    /**
     * Opens a detector for {@code descriptor}.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads for this session, at least 1
     * @throws InvalidModelException if the model is missing or does not match the descriptor
     */
    public static ObjectDetector open(ModelDescriptor descriptor, int intraOpThreads) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException(
                    "intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        return OnnxObjectDetector.open(descriptor, intraOpThreads);
    }
}
