package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decodes YOLOX outputs exported without in-graph decoding: one tensor [1, N, 5 + C] whose rows
 * run over the strides in descriptor order and, per stride, over the grid row by row. A row
 * contains x and y offsets that are added to the cell's column and row, log width and log height, all in
 * stride units, then sigmoid objectness and C sigmoid class scores. The score is objectness
 * times the best class score.
 */
final class YoloxDecoder implements OutputDecoder {

    private final int[] strides;
    private final int inputWidth;
    private final int inputHeight;
    private final int classCount;
    private final float scoreThreshold;
    private final OutputSpec output;

    YoloxDecoder(ModelDescriptor descriptor) {
        this.strides = descriptor.strides().stream().mapToInt(Integer::intValue).toArray();
        this.inputWidth = descriptor.inputWidth();
        this.inputHeight = descriptor.inputHeight();
        this.classCount = descriptor.classNames().size();
        this.scoreThreshold = descriptor.scoreThreshold();
        this.output = new OutputSpec("per grid cell: x, y, log width, log height, objectness and "
                + classCount + " class scores for strides " + descriptor.strides(),
                new long[] {1, OutputDecoders.gridCells(descriptor), 5 + classCount});
    }

    @Override
    public List<OutputSpec> expectedOutputs() {
        return List.of(output);
    }

    @Override
    public void decode(FloatBuffer[] outputs, Candidates candidates) {
        FloatBuffer rows = outputs[0];
        int rowLength = 5 + classCount;
        int row = 0;
        for (int stride : strides) {
            int columns = inputWidth / stride;
            int gridRows = inputHeight / stride;
            for (int gridY = 0; gridY < gridRows; gridY++) {
                for (int gridX = 0; gridX < columns; gridX++, row++) {
                    int base = row * rowLength;
                    float objectness = rows.get(base + 4);
                    if (!(objectness >= scoreThreshold)) {
                        continue;
                    }
                    int classId = ClassScores.bestClass(rows, base + 5, classCount, 1);
                    float score = objectness * rows.get(base + 5 + classId);
                    if (score >= scoreThreshold) {
                        float centerX = (rows.get(base) + gridX) * stride;
                        float centerY = (rows.get(base + 1) + gridY) * stride;
                        float width = (float) Math.exp(rows.get(base + 2)) * stride;
                        float height = (float) Math.exp(rows.get(base + 3)) * stride;
                        candidates.addCentered(classId, score, centerX, centerY, width, height);
                    }
                }
            }
        }
    }
}
