package io.uavstream.evaluation.mot;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.evaluation.geometry.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Relations between the metrics that must hold on any input, checked on random sequences. */
class TrackingInvariantsTest {

    private static final int TRIALS = 40;
    private static final int ALPHA_50 = 9;

    @Test
    void randomGroundTruthAgainstItselfScoresOne() {
        Random random = new Random(3);
        for (int trial = 0; trial < TRIALS; trial++) {
            Sequence gt = randomSequence(random, 6, 20, 0);

            MotRow row = Tracks.evaluateRow(gt, gt);

            assertThat(row.clearMot().mota()).as("MOTA, trial %d", trial).isEqualTo(1.0);
            assertThat(row.identity().idf1()).as("IDF1, trial %d", trial).isEqualTo(1.0);
            assertThat(row.hota().hota()).as("HOTA, trial %d", trial).isEqualTo(1.0);
        }
    }

    @Test
    void countsStayConsistent() {
        // CLEAR MOT and IDF1 both use one-to-one matches at IoU >= 0.5 in each frame, and HOTA at
        // alpha 0.5 takes the most such matches per frame, so neither can exceed it.
        Random random = new Random(5);
        for (int trial = 0; trial < TRIALS; trial++) {
            Sequence gt = randomSequence(random, 6, 20, 0);
            Sequence predictions = randomSequence(random, 8, 20, 6);

            MotRow row = Tracks.evaluateRow(gt, predictions);

            ClearMotCounts clear = row.clearMot();
            long hotaMatches = row.hota().truePositivesAt(ALPHA_50);
            assertThat(clear.truePositives() + clear.falseNegatives()).isEqualTo(clear.gtBoxes());
            assertThat(clear.truePositives() + clear.falsePositives()).isEqualTo(clear.predBoxes());
            assertThat(clear.truePositives()).as("trial %d", trial).isLessThanOrEqualTo(hotaMatches);
            assertThat(row.identity().idTruePositives()).as("trial %d", trial).isLessThanOrEqualTo(hotaMatches);
            assertThat(clear.mostlyTracked() + clear.partiallyTracked() + clear.mostlyLost()).isEqualTo(clear.gtTracks());
            assertThat(row.hota().hota()).isBetween(0.0, 1.0);
            assertThat(row.identity().idf1()).isBetween(0.0, 1.0);
        }
    }

    /**
     * Tracks that drift randomly, each present in a random span of frames; {@code jitter} adds
     * noise in pixels so that predictions overlap ground truth only partly.
     */
    private static Sequence randomSequence(Random random, int trackCount, int frameCount, double jitter) {
        List<MotRecord> records = new ArrayList<>();
        for (int id = 1; id <= trackCount; id++) {
            int first = 1 + random.nextInt(frameCount / 2);
            int last = first + random.nextInt(frameCount - first + 1);
            double left = random.nextDouble() * 200;
            double top = random.nextDouble() * 100;
            for (int frame = first; frame <= last; frame++) {
                left += random.nextGaussian() * 3;
                top += random.nextGaussian() * 3;
                double boxLeft = left + random.nextGaussian() * jitter;
                double boxTop = top + random.nextGaussian() * jitter;
                records.add(MotRecord.of(frame, id, new BoundingBox(boxLeft, boxTop, 20 + random.nextDouble(), 40)));
            }
        }
        return Sequence.of(records);
    }
}
