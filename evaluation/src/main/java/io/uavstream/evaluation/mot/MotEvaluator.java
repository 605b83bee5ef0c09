package io.uavstream.evaluation.mot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores tracker output against ground truth with CLEAR MOT, the identity metrics (IDF1) and
 * HOTA. Every metric reads the same prepared view of a sequence ({@link MotConfig} defines which
 * boxes are scored), and the combined rows add the counts of all sequences before the ratios
 * are taken.
 */
public final class MotEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(MotEvaluator.class);

    private MotEvaluator() {
    }

    /**
     * Evaluates every sequence of {@code groundTruth}, in name order.
     *
     * @param groundTruth ground truth by sequence name
     * @param predictions tracker output by sequence name. A missing sequence is scored as empty
     *     output (and logged)
     * @throws IllegalArgumentException if {@code predictions} names a sequence without ground truth
     */
    public static MotResult evaluate(Map<String, Sequence> groundTruth, Map<String, Sequence> predictions,
                                     MotConfig config) {
        Objects.requireNonNull(config, "config");
        for (String name : predictions.keySet()) {
            if (!groundTruth.containsKey(name)) {
                throw new IllegalArgumentException("Predictions name sequence '" + name
                        + "', which has no ground truth. Ground truth has " + new TreeMap<>(groundTruth).keySet());
            }
        }
        Map<String, Sequence> sortedGroundTruth = new TreeMap<>(groundTruth);
        for (String name : sortedGroundTruth.keySet()) {
            if (!predictions.containsKey(name)) {
                LOG.warn("No predictions for sequence {}, so it is scored as empty tracker output", name);
            }
        }
        List<MotRow> rows = new ArrayList<>();
        for (ClassSelection selection : config.selections()) {
            MotRow combined = emptyRow(selection);
            for (Map.Entry<String, Sequence> entry : sortedGroundTruth.entrySet()) {
                Sequence predicted = predictions.getOrDefault(entry.getKey(), Sequence.empty());
                MotRow row = evaluateSequence(entry.getKey(), entry.getValue(), predicted, config, selection);
                rows.add(row);
                combined = combined.plus(row, MotRow.COMBINED);
            }
            rows.add(combined);
            LOG.info("Tracking over {} sequences, class {}: HOTA {}, MOTA {}, IDF1 {}", sortedGroundTruth.size(),
                    selection.label(), combined.hota().hota(), combined.clearMot().mota(), combined.identity().idf1());
        }
        return new MotResult(config, rows);
    }

    /** Evaluates a single sequence. The result has the sequence row and a combined row. */
    public static MotResult evaluate(String name, Sequence groundTruth, Sequence predictions, MotConfig config) {
        return evaluate(Map.of(name, groundTruth), Map.of(name, predictions), config);
    }

    private static MotRow evaluateSequence(String name, Sequence groundTruth, Sequence predictions,
                                           MotConfig config, ClassSelection selection) {
        SequenceOverlaps overlaps = SequenceOverlaps.build(groundTruth, predictions, config, selection);
        LOG.debug("Sequence {}, class {}: {} scored boxes, {} predictions, {} predictions on ignore regions removed",
                name, selection.label(), overlaps.gtBoxCount(), overlaps.predBoxCount(),
                overlaps.removedPredictionCount());
        return new MotRow(name, selection.label(),
                ClearMot.compute(overlaps, config.iouThreshold()),
                IdentityMatching.compute(overlaps, config.iouThreshold()),
                Hota.compute(overlaps));
    }

    private static MotRow emptyRow(ClassSelection selection) {
        return new MotRow(MotRow.COMBINED, selection.label(), ClearMotCounts.ZERO, IdentityCounts.ZERO,
                HotaCounts.zero());
    }
}
