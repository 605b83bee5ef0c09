package io.uavstream.evaluation.mot;

import io.uavstream.evaluation.assignment.Assignment;
import java.util.Arrays;

/**
 * Computes the CLEAR MOT counts of one sequence (Bernardin and Stiefelhagen 2008).
 *
 * <p>Matching, frame by frame: a ground-truth track keeps the prediction track it was matched to
 * in its previous scored frame when their IoU is still at least the threshold (if two tracks keep
 * the same prediction, the most pairs and then the highest IoU win). The remaining boxes are
 * matched by {@link IouMatching}: the most pairs at IoU &ge; threshold, then the highest total
 * IoU.
 *
 * <p>Counts: an ID switch is a match to another prediction track than at the track's last match,
 * however many frames ago. A fragmentation is a match in a frame after a scored frame in which
 * the track was not matched, following at least one earlier match. A track is mostly tracked
 * when matched in more than 80% of its scored frames, mostly lost when matched in less than 20%
 * (Li, Huang and Nevatia 2009).
 */
final class ClearMot {

    private static final int NONE = -1;

    private ClearMot() {
    }

    static ClearMotCounts compute(SequenceOverlaps sequence, double iouThreshold) {
        TrackState state = new TrackState(sequence.gtTrackCount());
        long truePositives = 0;
        long falsePositives = 0;
        long falseNegatives = 0;
        double iouSum = 0;
        for (FrameOverlaps frame : sequence.frames()) {
            int[] predOfGt = match(frame, state.continuedPred, iouThreshold);
            int matched = 0;
            for (int i = 0; i < frame.gtTracks().length; i++) {
                int j = predOfGt[i];
                if (j == NONE) {
                    state.miss(frame.gtTracks()[i]);
                    falseNegatives++;
                } else {
                    state.hit(frame.gtTracks()[i], frame.predTracks()[j]);
                    iouSum += frame.iou()[i][j];
                    matched++;
                }
            }
            truePositives += matched;
            falsePositives += frame.predTracks().length - matched;
        }
        return state.counts(sequence, truePositives, falsePositives, falseNegatives, iouSum);
    }

    /** Returns the prediction index matched to each ground-truth box of the frame, or NONE. */
    private static int[] match(FrameOverlaps frame, int[] continuedPred, double iouThreshold) {
        int gtCount = frame.gtTracks().length;
        int predCount = frame.predTracks().length;
        double[][] iou = frame.iou();

        // Step 1: keep the correspondences of the previous frame that are still valid.
        double[][] continuing = new double[gtCount][predCount];
        for (int i = 0; i < gtCount; i++) {
            int previous = continuedPred[frame.gtTracks()[i]];
            for (int j = 0; j < predCount; j++) {
                boolean same = previous != NONE && frame.predTracks()[j] == previous;
                continuing[i][j] = same ? iou[i][j] : 0;
            }
        }
        int[] predOfGt = new int[gtCount];
        boolean[] predTaken = new boolean[predCount];
        Arrays.fill(predOfGt, NONE);
        take(IouMatching.match(continuing, iouThreshold), predOfGt, predTaken);

        // Step 2: match the boxes left over.
        double[][] remaining = new double[gtCount][predCount];
        for (int i = 0; i < gtCount; i++) {
            for (int j = 0; j < predCount; j++) {
                remaining[i][j] = predOfGt[i] == NONE && !predTaken[j] ? iou[i][j] : 0;
            }
        }
        take(IouMatching.match(remaining, iouThreshold), predOfGt, predTaken);
        return predOfGt;
    }

    private static void take(Assignment assignment, int[] predOfGt, boolean[] predTaken) {
        for (int i = 0; i < predOfGt.length; i++) {
            int j = assignment.columnOf(i);
            if (j != Assignment.UNASSIGNED) {
                predOfGt[i] = j;
                predTaken[j] = true;
            }
        }
    }

    /** State of each ground-truth track that CLEAR MOT carries from frame to frame. */
    private static final class TrackState {
        /** Prediction track matched in the track's previous scored frame, or NONE. */
        final int[] continuedPred;
        /** Prediction track of the track's last match in any frame, or NONE. */
        final int[] lastMatchedPred;
        final int[] matchedFrames;
        long idSwitches;
        long fragmentations;

        TrackState(int gtTrackCount) {
            continuedPred = new int[gtTrackCount];
            lastMatchedPred = new int[gtTrackCount];
            matchedFrames = new int[gtTrackCount];
            Arrays.fill(continuedPred, NONE);
            Arrays.fill(lastMatchedPred, NONE);
        }

        void hit(int gtTrack, int predTrack) {
            int last = lastMatchedPred[gtTrack];
            if (last != NONE && last != predTrack) {
                idSwitches++;
            }
            if (last != NONE && continuedPred[gtTrack] == NONE) {
                fragmentations++;
            }
            lastMatchedPred[gtTrack] = predTrack;
            continuedPred[gtTrack] = predTrack;
            matchedFrames[gtTrack]++;
        }

        void miss(int gtTrack) {
            continuedPred[gtTrack] = NONE;
        }

        ClearMotCounts counts(SequenceOverlaps sequence, long truePositives, long falsePositives,
                              long falseNegatives, double iouSum) {
            long mostlyTracked = 0;
            long mostlyLost = 0;
            int trackCount = sequence.gtTrackCount();
            for (int track = 0; track < trackCount; track++) {
                long present = sequence.gtBoxesOf(track);
                long matched = matchedFrames[track];
                // matched / present > 0.8 and < 0.2, in exact integer arithmetic.
                if (5 * matched > 4 * present) {
                    mostlyTracked++;
                } else if (5 * matched < present) {
                    mostlyLost++;
                }
            }
            return new ClearMotCounts(sequence.gtBoxCount(), sequence.predBoxCount(), truePositives,
                    falsePositives, falseNegatives, idSwitches, fragmentations, trackCount, mostlyTracked,
                    trackCount - mostlyTracked - mostlyLost, mostlyLost, iouSum);
        }
    }
}
