package io.uavstream.cli.replay;

import io.uavstream.evaluation.geometry.BoundingBox;
import io.uavstream.evaluation.mot.ClearMotCounts;
import io.uavstream.evaluation.mot.MotConfig;
import io.uavstream.evaluation.mot.MotEvaluator;
import io.uavstream.evaluation.mot.MotRecord;
import io.uavstream.evaluation.mot.MotResult;
import io.uavstream.evaluation.mot.MotRow;
import io.uavstream.evaluation.mot.Sequence;
import io.uavstream.schemas.DetectedBox;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Side-by-side figures of two replays of one range: detections per class and confirmed tracks of
 * each. It also scores the candidate's tracking against the reference's tracks as if they were
 * ground truth, with CLEAR MOT and IDF1 at IoU 0.5 per drone, then combined. Its ID switches count
 * how often the candidate gives one reference track a new ID.
 *
 * @param reference the replay taken as ground truth
 * @param candidate the replay scored against it
 * @param candidateAgainstReference combined MOT row of the candidate against the reference
 */
public record ComparisonSummary(Side reference, Side candidate, MotRow candidateAgainstReference) {

    /**
     * One replay's events, reduced to what the summary shows.
     *
     * @param detectionsPerClass number of detected boxes per class name, in name order
     * @param tracks confirmed tracks: distinct (drone, track ID) of all track events, so that a
     *     track confirmed in the lead-in before the range counts too
     * @param trackedBoxes per drone, capture time to the boxes that carry a track ID
     */
    public record Side(String modelId, String replayId, long frames, SortedMap<String, Long> detectionsPerClass,
            long tracks, Map<String, SortedMap<Long, List<DetectedBox>>> trackedBoxes) {

        static Side of(String modelId, String replayId, List<FrameDetections> detections, List<TrackEvent> events) {
            SortedMap<String, Long> perClass = new TreeMap<>();
            Map<String, SortedMap<Long, List<DetectedBox>>> tracked = new TreeMap<>();
            for (FrameDetections frame : detections) {
                List<DetectedBox> withTrack = new ArrayList<>();
                for (DetectedBox box : frame.getBoxes()) {
                    perClass.merge(box.getClassName().toString(), 1L, Long::sum);
                    if (box.getTrackId() != null) {
                        withTrack.add(box);
                    }
                }
                tracked.computeIfAbsent(frame.getDroneId().toString(), drone -> new TreeMap<>())
                        .put(epochMicros(frame.getCaptureTimeMicros()), withTrack);
            }
            long tracks = events.stream()
                    .map(event -> event.getDroneId() + "/" + event.getTrackId())
                    .distinct()
                    .count();
            return new Side(modelId, replayId, detections.size(), perClass, tracks, tracked);
        }

        long detections() {
            return detectionsPerClass.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Scores {@code candidate} against {@code reference} with the evaluation module's MOT metrics. */
    public static ComparisonSummary of(Side reference, Side candidate) {
        Map<String, Sequence> groundTruth = new HashMap<>();
        Map<String, Sequence> predictions = new HashMap<>();
        for (String drone : union(reference.trackedBoxes().keySet(), candidate.trackedBoxes().keySet())) {
            SortedMap<Long, List<DetectedBox>> expected = reference.trackedBoxes().getOrDefault(drone, new TreeMap<>());
            SortedMap<Long, List<DetectedBox>> actual = candidate.trackedBoxes().getOrDefault(drone, new TreeMap<>());
            Map<Long, Integer> frameNumbers = frameNumbers(expected, actual);
            groundTruth.put(drone, sequence(expected, frameNumbers, true));
            predictions.put(drone, sequence(actual, frameNumbers, false));
        }
        MotResult result = MotEvaluator.evaluate(groundTruth, predictions, MotConfig.defaults());
        return new ComparisonSummary(reference, candidate, result.combined());
    }

    /** Returns how often the candidate switched the ID of a reference track. */
    public long idSwitches() {
        return candidateAgainstReference.clearMot().idSwitches();
    }

    /** Prints the two replays side by side, then the candidate's scores against the reference. */
    public void print(PrintStream out) {
        String format = "  %-22s %16s %16s%n";
        out.printf("uavstream replay: model comparison%n");
        out.printf(format, "", "reference", "candidate");
        out.printf(format, "model", reference.modelId(), candidate.modelId());
        out.printf(format, "replay ID", reference.replayId(), candidate.replayId());
        out.printf(format, "frames", reference.frames(), candidate.frames());
        out.printf(format, "detections", reference.detections(), candidate.detections());
        for (String className : union(reference.detectionsPerClass().keySet(), candidate.detectionsPerClass().keySet())) {
            out.printf(format, "  " + className, reference.detectionsPerClass().getOrDefault(className, 0L),
                    candidate.detectionsPerClass().getOrDefault(className, 0L));
        }
        out.printf(format, "tracks", reference.tracks(), candidate.tracks());
        ClearMotCounts clear = candidateAgainstReference.clearMot();
        out.printf("Candidate tracks scored against the reference tracks (IoU 0.5, all classes):%n");
        out.printf("  ID switches %d, fragmentations %d, MOTA %.3f, IDF1 %.3f, recall %.3f, precision %.3f%n",
                clear.idSwitches(), clear.fragmentations(), clear.mota(), candidateAgainstReference.identity().idf1(),
                clear.recall(), clear.precision());
    }

    /** Numbers the capture times of both sides 1, 2, 3, ... in time order, as MOT frame numbers. */
    private static Map<Long, Integer> frameNumbers(SortedMap<Long, ?> expected, SortedMap<Long, ?> actual) {
        NavigableSet<Long> times = union(expected.keySet(), actual.keySet());
        Map<Long, Integer> numbers = new HashMap<>();
        for (long time : times) {
            numbers.put(time, numbers.size() + 1);
        }
        return numbers;
    }

    private static Sequence sequence(SortedMap<Long, List<DetectedBox>> boxes, Map<Long, Integer> frameNumbers,
            boolean groundTruth) {
        List<MotRecord> records = new ArrayList<>();
        boxes.forEach((time, frameBoxes) -> {
            int frame = frameNumbers.get(time);
            for (DetectedBox box : frameBoxes) {
                BoundingBox bounds = new BoundingBox(box.getX1(), box.getY1(), box.getX2() - box.getX1(),
                        box.getY2() - box.getY1());
                int trackId = Math.toIntExact(box.getTrackId());
                records.add(groundTruth
                        ? MotRecord.groundTruth(frame, trackId, bounds, box.getClassId())
                        : new MotRecord(frame, trackId, bounds, box.getScore(), box.getClassId(), MotRecord.NOT_GIVEN));
            }
        });
        return Sequence.of(records);
    }

    private static <T extends Comparable<T>> NavigableSet<T> union(java.util.Collection<T> first,
            java.util.Collection<T> second) {
        NavigableSet<T> all = new TreeSet<>(first);
        all.addAll(second);
        return all;
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
