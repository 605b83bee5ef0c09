package io.uavstream.ingest;

/**
 * Raised when reading the next packet of an opened source fails, for example on a damaged or
 * truncated file or a network read timeout. Carries the position at which reading failed.
 */
public final class DemuxException extends IngestException {
    private static final long serialVersionUID = 1L;

    private final long bytePosition;

    public DemuxException(String message, long bytePosition) {
        super(message);
        this.bytePosition = bytePosition;
    }

    /** Byte offset in the source at which reading failed, or -1 when the source has no offsets. */
    public long bytePosition() {
        return bytePosition;
    }
}
