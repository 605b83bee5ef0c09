package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.assignment.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * One sequence prepared for scoring: ignore regions and the predictions on them removed (see
 * {@link MotConfig}), track IDs mapped to dense indices, and the IoU of every pair in each frame.
 * All tracking metrics read this one view, so they agree on what was scored.
 */
final class SequenceOverlaps {

    private final List<FrameOverlaps> frames;
    private final int[] gtBoxesPerTrack;
    private final int[] predBoxesPerTrack;
    private final int gtBoxCount;
    private final int predBoxCount;
    private final int removedPredictionCount;

    private SequenceOverlaps(List<FrameOverlaps> frames, List<Integer> gtBoxesPerTrack,
                             List<Integer> predBoxesPerTrack, int removedPredictionCount) {
        this.frames = List.copyOf(frames);
        this.gtBoxesPerTrack = gtBoxesPerTrack.stream().mapToInt(Integer::intValue).toArray();
        this.predBoxesPerTrack = predBoxesPerTrack.stream().mapToInt(Integer::intValue).toArray();
        this.gtBoxCount = sum(this.gtBoxesPerTrack);
        this.predBoxCount = sum(this.predBoxesPerTrack);
        this.removedPredictionCount = removedPredictionCount;
    }

    /** Frames with at least one scored ground-truth box or kept prediction, in frame order. */
    List<FrameOverlaps> frames() {
        return frames;
    }

    int gtTrackCount() {
        return gtBoxesPerTrack.length;
    }

    int predTrackCount() {
        return predBoxesPerTrack.length;
    }

    /** Number of frames in which ground-truth track {@code track} is scored. */
    int gtBoxesOf(int track) {
        return gtBoxesPerTrack[track];
    }

    /** Number of frames in which prediction track {@code track} is kept. */
    int predBoxesOf(int track) {
        return predBoxesPerTrack[track];
    }

    int gtBoxCount() {
        return gtBoxCount;
    }

    int predBoxCount() {
        return predBoxCount;
    }

    /** Number of predictions removed because they matched an ignore region. */
    int removedPredictionCount() {
        return removedPredictionCount;
    }

    static SequenceOverlaps build(Sequence groundTruth, Sequence predictions, MotConfig config,
                                  ClassSelection selection) {
        Builder builder = new Builder(config.iouThreshold());
        NavigableSet<Integer> frameNumbers = new TreeSet<>(groundTruth.recordsByFrame().keySet());
        frameNumbers.addAll(predictions.recordsByFrame().keySet());
        for (int frame : frameNumbers) {
            List<MotRecord> scored = new ArrayList<>();
            List<MotRecord> ignoreRegions = new ArrayList<>();
            for (MotRecord row : groundTruth.recordsOf(frame)) {
                switch (config.roleOf(row, selection)) {
                    case SCORED -> scored.add(row);
                    case IGNORE_REGION -> ignoreRegions.add(row);
                    case DROPPED -> { }
                }
            }
            List<MotRecord> kept = new ArrayList<>();
            for (MotRecord prediction : predictions.recordsOf(frame)) {
                if (selection.acceptsPrediction(prediction)) {
                    kept.add(prediction);
                }
            }
            builder.addFrame(frame, scored, ignoreRegions, kept);
        }
        return builder.build();
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    /** Collects frames and assigns dense track indices in order of first appearance. */
    private static final class Builder {
        private final double iouThreshold;
        private final List<FrameOverlaps> frames = new ArrayList<>();
        private final Map<Integer, Integer> gtTrackIndex = new HashMap<>();
        private final Map<Integer, Integer> predTrackIndex = new HashMap<>();
        private final List<Integer> gtBoxesPerTrack = new ArrayList<>();
        private final List<Integer> predBoxesPerTrack = new ArrayList<>();
        private int removedPredictionCount;

        Builder(double iouThreshold) {
            this.iouThreshold = iouThreshold;
        }

        void addFrame(int frame, List<MotRecord> scored, List<MotRecord> ignoreRegions, List<MotRecord> predictions) {
            List<MotRecord> kept = removeIgnored(scored, ignoreRegions, predictions);
            if (scored.isEmpty() && kept.isEmpty()) {
                return;
            }
            int[] gtTracks = indicesOf(scored, gtTrackIndex, gtBoxesPerTrack);
            int[] predTracks = indicesOf(kept, predTrackIndex, predBoxesPerTrack);
            frames.add(new FrameOverlaps(frame, gtTracks, predTracks, iouMatrix(scored, kept)));
        }

        /** Returns the predictions that are not matched to an ignore region. */
        private List<MotRecord> removeIgnored(List<MotRecord> scored, List<MotRecord> ignoreRegions,
                                              List<MotRecord> predictions) {
            if (ignoreRegions.isEmpty() || predictions.isEmpty()) {
                return predictions;
            }
            List<MotRecord> all = new ArrayList<>(scored);
            all.addAll(ignoreRegions);
            Assignment matching = IouMatching.match(iouMatrix(all, predictions), iouThreshold);
            List<MotRecord> kept = new ArrayList<>();
            for (int j = 0; j < predictions.size(); j++) {
                int row = matching.rowOf(j);
                if (row >= scored.size()) {
                    removedPredictionCount++;
                } else {
                    kept.add(predictions.get(j));
                }
            }
            return kept;
        }

        private static int[] indicesOf(List<MotRecord> rows, Map<Integer, Integer> index, List<Integer> counts) {
            int[] tracks = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                int track = index.computeIfAbsent(rows.get(i).trackId(), id -> {
                    counts.add(0);
                    return counts.size() - 1;
                });
                counts.set(track, counts.get(track) + 1);
                tracks[i] = track;
            }
            return tracks;
        }

        private static double[][] iouMatrix(List<MotRecord> rows, List<MotRecord> columns) {
            double[][] iou = new double[rows.size()][columns.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (int j = 0; j < columns.size(); j++) {
                    iou[i][j] = rows.get(i).box().iou(columns.get(j).box());
                }
            }
            return iou;
        }

        SequenceOverlaps build() {
            return new SequenceOverlaps(frames, gtBoxesPerTrack, predBoxesPerTrack, removedPredictionCount);
        }
    }
}
