package io.uavstream.models;

import java.nio.file.Path;

/** Builds {@link ObjectDetector}s from model descriptors. */
public final class ObjectDetectors {

    private ObjectDetectors() {}

    /**
     * Opens the detector that {@code modelPath} names: a descriptor file ({@code .json}) or an
     * {@code .onnx} file with a descriptor next to it.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads for this session, at least 1
     * @throws InvalidModelException if the descriptor or model is missing, malformed, or does not
     *     match
     */
    public static ObjectDetector open(Path modelPath, int intraOpThreads) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
