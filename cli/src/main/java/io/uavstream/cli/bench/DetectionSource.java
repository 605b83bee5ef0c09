package io.uavstream.cli.bench;

import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source of each frame's detections in the tracking benchmark: the simulator's recorded
 * {@code det/det.txt}, or a real detector run over the drone's {@code video.ts}.
 */
abstract class DetectionSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionSource.class);

    /** Returns the simulator's noisy detections, as recorded. */
    static DetectionSource recorded() {
        return new DetectionSource() {
            @Override
            FlightRecording read(Path directory) throws IOException {
                return FlightRecording.read(directory);
            }

            @Override
            String markerSuffix() {
                return "";
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Returns a source that runs the detector opened from {@code model}: a path to an ONNX file beside its descriptor, or
     * {@code default} for the shipped model.
     */
    static DetectionSource model(String model, int intraOpThreads) {
        ObjectDetector detector = openDetector(model, intraOpThreads).detector();
        return new DetectionSource() {
            @Override
            FlightRecording read(Path directory) throws IOException {
                FlightRecording flight = FlightRecording.readWithout(directory);
                Path video = directory.resolve("video.ts");
                long start = System.nanoTime();
                FlightRecording detected = flight.withDetections(VideoDetections.detect(video, detector));
                LOG.info("Drone {}: detected objects in {} frames with {} in {} s", flight.droneId(),
                        detected.detectionsByFrame().size(), detector.descriptor().id(),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
                return detected;
            }

            @Override
            String markerSuffix() {
                return " detector=" + detector.descriptor().id();
            }

            @Override
            public void close() {
                detector.close();
            }
        };
    }

    /** An opened detector, closed with this object. */
    record Opened(ObjectDetector detector) implements AutoCloseable {
        @Override
        public void close() {
            detector.close();
        }
    }

    /** Opens {@code model}: an ONNX file beside its descriptor, or {@code default} for the shipped model. */
    static Opened openDetector(String model, int intraOpThreads) {
        return new Opened("default".equals(model)
                ? ObjectDetectors.openDefault(intraOpThreads)
                : ObjectDetectors.open(Path.of(model), intraOpThreads));
    }

    /** Reads the drone directory's flight with the detections of this source. */
    abstract FlightRecording read(Path directory) throws IOException;

    /** Suffix of the doc section marker, so that each source keeps its own section. */
    abstract String markerSuffix();

    @Override
    public abstract void close();
}
