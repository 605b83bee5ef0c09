package io.uavstream.models.onnx;

import io.uavstream.models.InvalidModelException;

/** Raised when an ONNX file is not a well-formed protobuf ModelProto. */
public final class MalformedModelException extends InvalidModelException {
    private static final long serialVersionUID = 1L;

    public MalformedModelException(String message) {
        super(message);
    }
}
