package io.uavstream.models;

import java.nio.FloatBuffer;

/** Finds the best class among the scores of one box in a decoder output. */
final class ClassScores {

    private ClassScores() {}

    /**
     * Returns the class ID with the highest score among {@code classCount} scores that start at
     * {@code start} and lie {@code step} floats apart. The lowest class ID wins a tie.
     */
    static int bestClass(FloatBuffer output, int start, int classCount, int step) {
        int best = 0;
        float bestScore = output.get(start);
        for (int c = 1; c < classCount; c++) {
            float score = output.get(start + c * step);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }
}
