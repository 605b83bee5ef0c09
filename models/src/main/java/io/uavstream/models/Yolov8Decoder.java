package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decodes YOLOv8 and YOLO11 outputs: one channel-major tensor [1, 4 + C, N] whose channels are
 * centre x, centre y, width and height in input pixels, then C sigmoid class scores. There is no
 * objectness. N is checked against the strides when the descriptor lists them.
 */
final class Yolov8Decoder implements OutputDecoder {

    private final int classCount;
    private final float scoreThreshold;
    private final OutputSpec output;

    Yolov8Decoder(ModelDescriptor descriptor) {
        this.classCount = descriptor.classNames().size();
        this.scoreThreshold = descriptor.scoreThreshold();
        this.output = new OutputSpec("channels: centre x, centre y, width, height and "
                + classCount + " class scores, per box",
                new long[] {1, 4 + classCount, OutputDecoders.gridCells(descriptor)});
    }

    @Override
    public List<OutputSpec> expectedOutputs() {
        return List.of(output);
    }

    @Override
    public void decode(FloatBuffer[] outputs, Candidates candidates) {
        FloatBuffer channels = outputs[0];
        int boxes = channels.limit() / (4 + classCount);
        for (int box = 0; box < boxes; box++) {
            int classId = ClassScores.bestClass(channels, 4 * boxes + box, classCount, boxes);
            float score = channels.get((4 + classId) * boxes + box);
            if (score >= scoreThreshold) {
                candidates.addCentered(classId, score, channels.get(box),
                        channels.get(boxes + box), channels.get(2 * boxes + box),
                        channels.get(3 * boxes + box));
            }
        }
    }
}
