package io.uavstream.models;

/** Raised when inference fails on a frame, for example because ONNX Runtime reported an error. */
public class DetectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DetectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
