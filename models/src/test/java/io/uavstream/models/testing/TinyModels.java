package io.uavstream.models.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.models.CocoClasses;
import io.uavstream.models.Detection;
import io.uavstream.models.LetterboxAlignment;
import io.uavstream.models.ModelDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes small real ONNX models with their descriptors, for testing the whole detection pipeline
 * through ONNX Runtime without the shared model files.
 *
 * <p>Every model takes a float image input [1, 3, 64, 64] and ignores its values: its outputs are
 * constants, in the layout of one {@link io.uavstream.models.ModelFormat}, that encode the same
 * scene of seven candidate boxes with the 80 COCO classes. With the descriptors' score threshold
 * 0.3 and NMS IoU threshold 0.45, the detector must report exactly these four detections, in
 * model input pixels and by descending score:
 *
 * <ol>
 *   <li>person, score 0.90, box (8, 16)-(40, 56);
 *   <li>car, score 0.75, box (44, 4)-(60, 20);
 *   <li>dog, score 0.60, box (12, 24)-(40, 56), which overlaps the person with IoU 0.7 but
 *       survives because NMS is class-aware;
 *   <li>car, score 0.50, box (44, 40)-(60, 56), which does not overlap the other car.
 * </ol>
 *
 * <p>The other three candidates must disappear: two duplicates of the person (scores 0.80 and
 * 0.70, IoU 0.88 and 0.82 with it) that NMS removes, and a cat at (0, 0)-(8, 8) with score 0.10.
 * In the YOLOX and YOLOv5 models the cat has class score 0.5 but objectness 0.2, so a decoder
 * that ignores objectness reports it.
 *
 * <p>Any image size works, because the detector letterboxes into the 64x64 input. For a square
 * image of side S the detections are the boxes above times S / 64; in general,
 * {@link #expectedDetections(Path, int, int)} maps them through the descriptor's letterbox.
 */
public final class TinyModels {

    /** Width and height of every tiny model's input, in pixels. */
    public static final int INPUT_SIZE = 64;

    /** Score threshold in every tiny descriptor. */
    public static final float SCORE_THRESHOLD = 0.3f;

    /** NMS IoU threshold in every tiny descriptor. */
    public static final float NMS_IOU_THRESHOLD = 0.45f;

    private static final int CLASSES = CocoClasses.NAMES.size();
    private static final List<Integer> STRIDES = List.of(8, 16, 32);
    private static final int REG_MAX = 7;
    private static final String INPUT_NAME = "images";
    private static final float OBJECTNESS = 0.95f;
    private static final float LOW_OBJECTNESS = 0.2f;
    private static final float SECOND_CLASS_SCORE = 0.05f;
    private static final int YOLOV5_ROWS = 25;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A candidate box in model input pixels, the stride whose grid carries it, and its fate. */
    private record SceneBox(int classId, float score, float x1, float y1, float x2, float y2,
            int stride, boolean expected) {

        float centerX() {
            return (x1 + x2) / 2;
        }

        float centerY() {
            return (y1 + y2) / 2;
        }
    }

    private static final List<SceneBox> SCENE = List.of(
            new SceneBox(0, 0.90f, 8, 16, 40, 56, 8, true),
            new SceneBox(0, 0.80f, 10, 16, 42, 56, 8, false),
            new SceneBox(0, 0.70f, 8, 20, 40, 60, 8, false),
            new SceneBox(16, 0.60f, 12, 24, 40, 56, 16, true),
            new SceneBox(2, 0.75f, 44, 4, 60, 20, 16, true),
            new SceneBox(2, 0.50f, 44, 40, 60, 56, 32, true),
            new SceneBox(15, 0.10f, 0, 0, 8, 8, 8, false));

    private TinyModels() {}

    /**
     * Writes {@code tiny-yolox.onnx} and its descriptor {@code tiny-yolox.json} into {@code dir}:
     * format YOLOX, strides 8, 16 and 32 (one output [1, 84, 85]), BGR, raw 0-255 input, letterbox
     * to the top-left corner with padding 114, as the YOLOX reference models are.
     *
     * @return the descriptor path
     */
    public static Path yolox(Path dir) {
        float[] rows = new float[gridCells() * (5 + CLASSES)];
        List<Integer> cells = assignCells();
        for (int i = 0; i < SCENE.size(); i++) {
            SceneBox box = SCENE.get(i);
            int cell = cells.get(i);
            int base = cell * (5 + CLASSES);
            int stride = box.stride();
            rows[base] = box.centerX() / stride - cellColumn(cell);
            rows[base + 1] = box.centerY() / stride - cellRow(cell);
            rows[base + 2] = (float) Math.log((box.x2() - box.x1()) / stride);
            rows[base + 3] = (float) Math.log((box.y2() - box.y1()) / stride);
            writeObjectnessAndClasses(rows, base + 4, box);
        }
        ConstantOutputModel model = new ConstantOutputModel(INPUT_NAME, inputShape())
                .output("output", new long[] {1, gridCells(), 5 + CLASSES}, rows);

        ObjectNode descriptor = descriptor("tiny-yolox", "YOLOX", "BGR", LetterboxAlignment.TOP_LEFT,
                114, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        putStrides(descriptor);
        return write(dir, "tiny-yolox", model, descriptor);
    }

    /**
     * Writes {@code tiny-nanodet-plus.onnx} and {@code tiny-nanodet-plus.json} into {@code dir}:
     * format NANODET_PLUS, strides 8, 16 and 32, regMax 7 (three score maps [1, N, 80], then three
     * box maps [1, N, 32] with N = 64, 16 and 4), BGR with the NanoDet mean and standard deviation,
     * centred letterbox with padding 0.
     *
     * @return the descriptor path
     */
    public static Path nanoDetPlus(Path dir) {
        int bins = REG_MAX + 1;
        List<float[]> scoreMaps = new ArrayList<>();
        List<float[]> boxMaps = new ArrayList<>();
        for (int stride : STRIDES) {
            scoreMaps.add(new float[levelCells(stride) * CLASSES]);
            boxMaps.add(new float[levelCells(stride) * 4 * bins]);
        }
        List<Integer> cells = assignCells();
        for (int i = 0; i < SCENE.size(); i++) {
            SceneBox box = SCENE.get(i);
            int level = STRIDES.indexOf(box.stride());
            int cell = cells.get(i) - levelOffset(level);
            float[] scores = scoreMaps.get(level);
            scores[cell * CLASSES + box.classId()] = box.score();
            scores[cell * CLASSES + secondClass(box)] = SECOND_CLASS_SCORE;

            int stride = box.stride();
            float centerX = (cellColumn(cells.get(i)) + 0.5f) * stride;
            float centerY = (cellRow(cells.get(i)) + 0.5f) * stride;
            float[] distances = {
                (centerX - box.x1()) / stride, (centerY - box.y1()) / stride,
                (box.x2() - centerX) / stride, (box.y2() - centerY) / stride
            };
            for (int side = 0; side < 4; side++) {
                writeDistributionLogits(boxMaps.get(level), (cell * 4 + side) * bins, bins,
                        distances[side]);
            }
        }
        ConstantOutputModel model = new ConstantOutputModel(INPUT_NAME, inputShape());
        for (int level = 0; level < STRIDES.size(); level++) {
            model.output("scores_" + STRIDES.get(level),
                    new long[] {1, levelCells(STRIDES.get(level)), CLASSES}, scoreMaps.get(level));
        }
        for (int level = 0; level < STRIDES.size(); level++) {
            model.output("boxes_" + STRIDES.get(level),
                    new long[] {1, levelCells(STRIDES.get(level)), 4L * bins}, boxMaps.get(level));
        }

        ObjectNode descriptor = descriptor("tiny-nanodet-plus", "NANODET_PLUS", "BGR",
                LetterboxAlignment.CENTER, 0, new float[] {103.53f, 116.28f, 123.675f},
                new float[] {57.375f, 57.12f, 58.395f});
        putStrides(descriptor);
        descriptor.put("regMax", REG_MAX);
        return write(dir, "tiny-nanodet-plus", model, descriptor);
    }

    /**
     * Writes {@code tiny-yolov5.onnx} and {@code tiny-yolov5.json} into {@code dir}: format
     * YOLOV5 without strides (one output [1, 25, 85], rows past the seventh are zero), RGB scaled
     * to 0-1, centred letterbox with padding 114.
     *
     * @return the descriptor path
     */
    public static Path yolov5(Path dir) {
        float[] rows = new float[YOLOV5_ROWS * (5 + CLASSES)];
        for (int i = 0; i < SCENE.size(); i++) {
            SceneBox box = SCENE.get(i);
            int base = i * (5 + CLASSES);
            rows[base] = box.centerX();
            rows[base + 1] = box.centerY();
            rows[base + 2] = box.x2() - box.x1();
            rows[base + 3] = box.y2() - box.y1();
            writeObjectnessAndClasses(rows, base + 4, box);
        }
        ConstantOutputModel model = new ConstantOutputModel(INPUT_NAME, inputShape())
                .output("output0", new long[] {1, YOLOV5_ROWS, 5 + CLASSES}, rows);

        ObjectNode descriptor = descriptor("tiny-yolov5", "YOLOV5", "RGB",
                LetterboxAlignment.CENTER, 114, new float[] {0, 0, 0},
                new float[] {255, 255, 255});
        return write(dir, "tiny-yolov5", model, descriptor);
    }

    /**
     * Writes {@code tiny-yolov8.onnx} and {@code tiny-yolov8.json} into {@code dir}: format
     * YOLOV8 with strides 8, 16 and 32 (one channel-major output [1, 84, 84]), RGB scaled to 0-1,
     * centred letterbox with padding 114.
     *
     * @return the descriptor path
     */
    public static Path yolov8(Path dir) {
        int boxes = gridCells();
        float[] channels = new float[(4 + CLASSES) * boxes];
        List<Integer> cells = assignCells();
        for (int i = 0; i < SCENE.size(); i++) {
            SceneBox box = SCENE.get(i);
            int cell = cells.get(i);
            channels[cell] = box.centerX();
            channels[boxes + cell] = box.centerY();
            channels[2 * boxes + cell] = box.x2() - box.x1();
            channels[3 * boxes + cell] = box.y2() - box.y1();
            channels[(4 + box.classId()) * boxes + cell] = box.score();
            channels[(4 + secondClass(box)) * boxes + cell] = SECOND_CLASS_SCORE;
        }
        ConstantOutputModel model = new ConstantOutputModel(INPUT_NAME, inputShape())
                .output("output0", new long[] {1, 4 + CLASSES, boxes}, channels);

        ObjectNode descriptor = descriptor("tiny-yolov8", "YOLOV8", "RGB",
                LetterboxAlignment.CENTER, 114, new float[] {0, 0, 0},
                new float[] {255, 255, 255});
        putStrides(descriptor);
        return write(dir, "tiny-yolov8", model, descriptor);
    }

    /** Returns the four expected detections in model input pixels, as listed in the class doc. */
    public static List<Detection> expectedInputDetections() {
        List<Detection> detections = new ArrayList<>();
        for (SceneBox box : SCENE) {
            if (box.expected()) {
                detections.add(new Detection(box.classId(), CocoClasses.NAMES.get(box.classId()),
                        box.score(), box.x1(), box.y1(), box.x2(), box.y2()));
            }
        }
        detections.sort((a, b) -> Float.compare(b.score(), a.score()));
        return detections;
    }

    /**
     * Returns the detections expected from the model of {@code descriptor} on an image of the
     * given size: the boxes of {@link #expectedInputDetections()} mapped back through the
     * descriptor's letterbox and clipped to the image; boxes left empty are dropped. The
     * letterbox scale is min(64 / width, 64 / height) and the resized size is rounded to whole
     * pixels, as in the detector.
     */
    public static List<Detection> expectedDetections(Path descriptor, int imageWidth,
            int imageHeight) {
        ModelDescriptor model = ModelDescriptor.read(descriptor);
        double scale = Math.min((double) model.inputWidth() / imageWidth,
                (double) model.inputHeight() / imageHeight);
        int contentWidth = Math.max(1, Math.min((int) Math.round(imageWidth * scale),
                model.inputWidth()));
        int contentHeight = Math.max(1, Math.min((int) Math.round(imageHeight * scale),
                model.inputHeight()));
        boolean centred = model.letterbox() == LetterboxAlignment.CENTER;
        int offsetX = centred ? (model.inputWidth() - contentWidth) / 2 : 0;
        int offsetY = centred ? (model.inputHeight() - contentHeight) / 2 : 0;
        double scaleX = (double) contentWidth / imageWidth;
        double scaleY = (double) contentHeight / imageHeight;

        List<Detection> detections = new ArrayList<>();
        for (Detection box : expectedInputDetections()) {
            float x1 = clip((box.x1() - offsetX) / scaleX, imageWidth);
            float y1 = clip((box.y1() - offsetY) / scaleY, imageHeight);
            float x2 = clip((box.x2() - offsetX) / scaleX, imageWidth);
            float y2 = clip((box.y2() - offsetY) / scaleY, imageHeight);
            if (x2 > x1 && y2 > y1) {
                detections.add(new Detection(box.classId(), box.className(), box.score(), x1, y1,
                        x2, y2));
            }
        }
        return detections;
    }

    private static float clip(double value, int max) {
        return (float) Math.max(0, Math.min(value, max));
    }

    /**
     * Assigns each scene box a distinct cell, as a row index over all strides: the first free
     * cell, row by row, of the box's stride whose centre lies inside the box. NanoDet-Plus needs
     * the centre inside, because it encodes the box as distances from it.
     */
    private static List<Integer> assignCells() {
        Set<Integer> used = new HashSet<>();
        List<Integer> cells = new ArrayList<>();
        for (SceneBox box : SCENE) {
            int level = STRIDES.indexOf(box.stride());
            int columns = INPUT_SIZE / box.stride();
            int chosen = -1;
            for (int local = 0; local < levelCells(box.stride()) && chosen < 0; local++) {
                float centerX = (local % columns + 0.5f) * box.stride();
                float centerY = (local / columns + 0.5f) * box.stride();
                int cell = levelOffset(level) + local;
                if (centerX > box.x1() && centerX < box.x2() && centerY > box.y1()
                        && centerY < box.y2() && !used.contains(cell)) {
                    chosen = cell;
                }
            }
            if (chosen < 0) {
                throw new IllegalStateException("No free cell for scene box " + box);
            }
            used.add(chosen);
            cells.add(chosen);
        }
        return cells;
    }

    private static int gridCells() {
        int cells = 0;
        for (int stride : STRIDES) {
            cells += levelCells(stride);
        }
        return cells;
    }

    private static int levelCells(int stride) {
        return (INPUT_SIZE / stride) * (INPUT_SIZE / stride);
    }

    private static int levelOffset(int level) {
        int offset = 0;
        for (int i = 0; i < level; i++) {
            offset += levelCells(STRIDES.get(i));
        }
        return offset;
    }

    private static int levelOf(int cell) {
        int level = 0;
        while (cell >= levelOffset(level + 1) && level + 1 < STRIDES.size()) {
            level++;
        }
        return level;
    }

    private static int cellColumn(int cell) {
        int level = levelOf(cell);
        return (cell - levelOffset(level)) % (INPUT_SIZE / STRIDES.get(level));
    }

    private static int cellRow(int cell) {
        int level = levelOf(cell);
        return (cell - levelOffset(level)) / (INPUT_SIZE / STRIDES.get(level));
    }

    private static int secondClass(SceneBox box) {
        return (box.classId() + 1) % CLASSES;
    }

    /**
     * Writes objectness and class scores whose product is the box score: objectness 0.95 for
     * boxes at or above the score threshold, and 0.2 below it.
     */
    private static void writeObjectnessAndClasses(float[] rows, int objectnessIndex, SceneBox box) {
        float objectness = box.score() >= SCORE_THRESHOLD ? OBJECTNESS : LOW_OBJECTNESS;
        rows[objectnessIndex] = objectness;
        rows[objectnessIndex + 1 + box.classId()] = box.score() / objectness;
        rows[objectnessIndex + 1 + secondClass(box)] = SECOND_CLASS_SCORE;
    }

    /**
     * Writes bin logits whose softmax has the expected value {@code distance}: weights 1 - f and
     * f on the two bins around it, where f is its fractional part, and about 1e-13 elsewhere.
     */
    private static void writeDistributionLogits(float[] boxMap, int start, int bins,
            float distance) {
        if (distance < 0 || distance > bins - 1) {
            throw new IllegalStateException("Distance " + distance + " outside the bins");
        }
        for (int i = 0; i < bins; i++) {
            boxMap[start + i] = -30f;
        }
        int low = (int) Math.floor(distance);
        float fraction = distance - low;
        if (fraction == 0f) {
            boxMap[start + low] = 0f;
        } else {
            boxMap[start + low] = (float) Math.log(1 - fraction);
            boxMap[start + low + 1] = (float) Math.log(fraction);
        }
    }

    private static long[] inputShape() {
        return new long[] {1, 3, INPUT_SIZE, INPUT_SIZE};
    }

    private static ObjectNode descriptor(String id, String format, String colorOrder,
            LetterboxAlignment letterbox, int padValue, float[] mean, float[] std) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("description", "Constant-output test model written by TinyModels");
        node.put("format", format);
        node.put("model", id + ".onnx");
        node.put("inputWidth", INPUT_SIZE);
        node.put("inputHeight", INPUT_SIZE);
        node.put("colorOrder", colorOrder);
        ArrayNode meanNode = node.putArray("mean");
        ArrayNode stdNode = node.putArray("std");
        for (int c = 0; c < 3; c++) {
            meanNode.add(mean[c]);
            stdNode.add(std[c]);
        }
        node.put("letterbox", letterbox.name());
        node.put("padValue", padValue);
        ArrayNode names = node.putArray("classNames");
        CocoClasses.NAMES.forEach(names::add);
        node.put("scoreThreshold", SCORE_THRESHOLD);
        node.put("nmsIouThreshold", NMS_IOU_THRESHOLD);
        node.put("maxDetections", 100);
        return node;
    }

    private static void putStrides(ObjectNode descriptor) {
        ArrayNode strides = descriptor.putArray("strides");
        STRIDES.forEach(strides::add);
    }

    private static Path write(Path dir, String name, ConstantOutputModel model,
            ObjectNode descriptor) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".onnx"), model.toByteArray());
            Path descriptorFile = dir.resolve(name + ".json");
            JSON.writeValue(descriptorFile.toFile(), descriptor);
            return descriptorFile;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write tiny model " + name + " to " + dir, e);
        }
    }
}
