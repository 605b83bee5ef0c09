package io.uavstream.models;

/** Raised when a model file or its descriptor is missing, malformed, or inconsistent. */
public class InvalidModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
