package io.uavstream.simulator.noise;

import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.output.MotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes noisy detections for an existing ground-truth file, for example to try another profile on a rendered flight. */
public final class DetectionNoise {

    private DetectionNoise() {}

    /**
     * Reads {@code gtFile} (MOT ground truth as the simulator writes it) and writes {@code detFile}
     * with the detections of {@code model}; frames without ground truth from 1 to {@code frames} still
     * get their false positives. Returns the number of detections written.
     *
     * @throws IOException if a file cannot be read or written
     * @throws IllegalArgumentException if a ground-truth line is invalid
     */
    public static long writeDetections(Path gtFile, Path detFile, DetectionNoiseModel model, int frames, int width, int height)
            throws IOException {
        Map<Integer, List<MotRecord>> byFrame = new TreeMap<>();
        for (String line : Files.readAllLines(gtFile)) {
            if (!line.isBlank()) {
                MotRecord record = MotRecord.parse(line);
                byFrame.computeIfAbsent(record.frame(), f -> new ArrayList<>()).add(record);
            }
        }
        try (MotWriter writer = new MotWriter(detFile)) {
            for (int frame = 1; frame <= frames; frame++) {
                writer.write(model.detect(frame, byFrame.getOrDefault(frame, List.of()), width, height));
            }
            return writer.records();
        }
    }
}
