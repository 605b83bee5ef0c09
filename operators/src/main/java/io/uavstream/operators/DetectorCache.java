package io.uavstream.operators;

import io.uavstream.models.ModelReference;
import io.uavstream.models.ObjectDetector;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open detectors of one subtask, one per model reference, opened on first use. When more than
 * {@code maxOpen} models are open, the least recently used one is closed, and a later frame that
 * needs it opens it again. Not thread-safe: a Flink subtask calls it from its task thread only.
 */
final class DetectorCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorCache.class);

    private final int maxOpen;
    private final int intraOpThreads;
    private final Map<ModelReference, ObjectDetector> open = new LinkedHashMap<>(8, 0.75f, true);

    /**
     * @param maxOpen the maximum number of detectors open at once, at least 1
     * @param intraOpThreads ONNX Runtime intra-op threads of each detector, at least 1
     */
    DetectorCache(int maxOpen, int intraOpThreads) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1, got " + maxOpen);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        this.maxOpen = maxOpen;
        this.intraOpThreads = intraOpThreads;
    }

    /**
     * Returns the detector of {@code reference}, opening it when it is not open yet.
     *
     * @throws io.uavstream.models.InvalidModelException if the model is missing, malformed or inconsistent
     * @throws java.io.UncheckedIOException if a bundled model cannot be extracted
     */
    ObjectDetector get(ModelReference reference) {
        ObjectDetector detector = open.get(reference);
        if (detector != null) {
            return detector;
        }
        detector = reference.open(intraOpThreads);
        open.put(reference, detector);
        LOG.info("Opened detector '{}' from model {} ({} of at most {} open)", detector.descriptor().id(), reference,
                open.size(), maxOpen);
        closeLeastRecentlyUsed();
        return detector;
    }

    /** Returns the number of open detectors. */
    int size() {
        return open.size();
    }

    /** Closes every open detector. */
    @Override
    public void close() {
        for (ObjectDetector detector : open.values()) {
            detector.close();
        }
        open.clear();
    }

    private void closeLeastRecentlyUsed() {
        Iterator<Map.Entry<ModelReference, ObjectDetector>> eldest = open.entrySet().iterator();
        while (open.size() > maxOpen) {
            Map.Entry<ModelReference, ObjectDetector> entry = eldest.next();
            LOG.info("Closed detector of model {}, the least recently used, to keep at most {} open", entry.getKey(),
                    maxOpen);
            entry.getValue().close();
            eldest.remove();
        }
    }
}
