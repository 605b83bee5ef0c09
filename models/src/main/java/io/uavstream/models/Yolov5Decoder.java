package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decodes YOLOv5 outputs: one tensor [1, N, 5 + C] whose rows hold centre x, centre y, width and
 * height in input pixels, sigmoid objectness and C sigmoid class scores. The score is objectness
 * times the best class score. N is checked against the strides when the descriptor lists them.
 */
final class Yolov5Decoder implements OutputDecoder {

    private final int classCount;
    private final float scoreThreshold;
    private final OutputSpec output;

    Yolov5Decoder(ModelDescriptor descriptor) {
        this.classCount = descriptor.classNames().size();
        this.scoreThreshold = descriptor.scoreThreshold();
        this.output = new OutputSpec("per box: centre x, centre y, width, height, objectness and "
                + classCount + " class scores",
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
        int boxes = rows.limit() / rowLength;
        for (int box = 0; box < boxes; box++) {
            int base = box * rowLength;
            float objectness = rows.get(base + 4);
            if (!(objectness >= scoreThreshold)) {
                continue;
            }
            int classId = ClassScores.bestClass(rows, base + 5, classCount, 1);
            float score = objectness * rows.get(base + 5 + classId);
            if (score >= scoreThreshold) {
                candidates.addCentered(classId, score, rows.get(base), rows.get(base + 1),
                        rows.get(base + 2), rows.get(base + 3));
            }
        }
    }
}
