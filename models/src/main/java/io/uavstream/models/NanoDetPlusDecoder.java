package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes NanoDet-Plus outputs: for each stride a class-score map [1, N, C] of sigmoid scores,
 * then for each stride a box map [1, N, 4 * (regMax + 1)]. Cells run over the grid row by row,
 * and distances are measured from the cell centre ((gx + 0.5) * stride, (gy + 0.5) * stride) for
 * the cell in column gx and row gy. For the left, top, right and bottom side in that order, the
 * box map contains logits over regMax + 1 bins. A side's distance from the cell centre is the
 * expected bin under their softmax, times the stride (distribution focal loss decoding).
 */
final class NanoDetPlusDecoder implements OutputDecoder {

    private final int[] strides;
    private final int inputWidth;
    private final int inputHeight;
    private final int classCount;
    private final int bins;
    private final float scoreThreshold;
    private final List<OutputSpec> outputs;

    NanoDetPlusDecoder(ModelDescriptor descriptor) {
        this.strides = descriptor.strides().stream().mapToInt(Integer::intValue).toArray();
        this.inputWidth = descriptor.inputWidth();
        this.inputHeight = descriptor.inputHeight();
        this.classCount = descriptor.classNames().size();
        this.bins = descriptor.regMax() + 1;
        this.scoreThreshold = descriptor.scoreThreshold();
        this.outputs = expectedOutputs(descriptor);
    }

    private List<OutputSpec> expectedOutputs(ModelDescriptor descriptor) {
        List<OutputSpec> specs = new ArrayList<>();
        for (int stride : strides) {
            specs.add(new OutputSpec(classCount + " class scores per cell for stride " + stride,
                    new long[] {1, cells(stride), classCount}));
        }
        for (int stride : strides) {
            specs.add(new OutputSpec("4 sides x " + bins + " distance bins per cell for stride "
                    + stride + " (regMax " + descriptor.regMax() + ")",
                    new long[] {1, cells(stride), 4L * bins}));
        }
        return List.copyOf(specs);
    }

    private long cells(int stride) {
        return (long) (inputWidth / stride) * (inputHeight / stride);
    }

    @Override
    public List<OutputSpec> expectedOutputs() {
        return outputs;
    }

    @Override
    public void decode(FloatBuffer[] tensors, Candidates candidates) {
        for (int level = 0; level < strides.length; level++) {
            decodeLevel(strides[level], tensors[level], tensors[strides.length + level],
                    candidates);
        }
    }

    private void decodeLevel(int stride, FloatBuffer scores, FloatBuffer boxes,
            Candidates candidates) {
        int columns = inputWidth / stride;
        int rows = inputHeight / stride;
        int boxLength = 4 * bins;
        int cell = 0;
        for (int gridY = 0; gridY < rows; gridY++) {
            for (int gridX = 0; gridX < columns; gridX++, cell++) {
                int scoreBase = cell * classCount;
                int classId = ClassScores.bestClass(scores, scoreBase, classCount, 1);
                float score = scores.get(scoreBase + classId);
                if (!(score >= scoreThreshold)) {
                    continue;
                }
                int boxBase = cell * boxLength;
                float centerX = (gridX + 0.5f) * stride;
                float centerY = (gridY + 0.5f) * stride;
                float left = expectedBin(boxes, boxBase) * stride;
                float top = expectedBin(boxes, boxBase + bins) * stride;
                float right = expectedBin(boxes, boxBase + 2 * bins) * stride;
                float bottom = expectedBin(boxes, boxBase + 3 * bins) * stride;
                candidates.add(classId, score, centerX - left, centerY - top, centerX + right,
                        centerY + bottom);
            }
        }
    }

    /** Returns the expected bin index under the softmax of the logits that begin at start. */
    private float expectedBin(FloatBuffer boxes, int start) {
        float maxLogit = boxes.get(start);
        for (int i = 1; i < bins; i++) {
            maxLogit = Math.max(maxLogit, boxes.get(start + i));
        }
        float weightSum = 0f;
        float weightedBins = 0f;
        for (int i = 0; i < bins; i++) {
            float weight = (float) Math.exp(boxes.get(start + i) - maxLogit);
            weightSum += weight;
            weightedBins += weight * i;
        }
        return weightedBins / weightSum;
    }
}
