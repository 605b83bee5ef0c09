package io.uavstream.ingest;

/** Raised when a video source cannot be opened or read, or its packets cannot be published. */
public class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
