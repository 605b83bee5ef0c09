package io.uavstream.ingest;

/**
 * Receives the progress of an {@link Ingestor} run, for example to draw a progress bar. Called on
 * the ingest thread after every published access unit, so implementations must return quickly.
 */
@FunctionalInterface
public interface IngestProgressListener {

    /** A listener that ignores progress. */
    IngestProgressListener NONE = progress -> {};

    /** Receives the progress after one more published access unit. */
    void onProgress(IngestProgress progress);
}
