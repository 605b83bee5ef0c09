package io.uavstream.models;

import java.util.List;

/**
 * An object detector: pre-processing, model inference, output decoding and NMS.
 *
 * <p>Implementations own native resources (an ONNX Runtime session and its buffers), reuse
 * them across calls, and are not thread-safe: use one instance per thread or Flink subtask.
 */
public interface ObjectDetector extends AutoCloseable {

    /**
     * Detects objects in {@code image}.
     *
     * @return detections after score threshold and class-aware NMS, highest score first, with
     *     boxes in pixels of {@code image}
     */
    List<Detection> detect(BgrImage image);

    /** Returns the descriptor this detector was built from. */
    ModelDescriptor descriptor();

    /** Releases the session and its buffers. */
    @Override
    void close();
}
