package io.uavstream.models.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.models.CocoClasses;
import io.uavstream.models.ColorOrder;
import io.uavstream.models.LetterboxAlignment;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guesses the {@link ModelFormat} of a detector from its output shapes, and writes the
 * descriptor it would need. The output layout decides the format. Pre-processing cannot be read
 * from the graph, so the descriptor takes the usual one of that format's reference models, and
 * the note states this.
 */
final class DescriptorGuess {

    /** Class names of UavDet, the bundled detector: a YOLOX layout with 7 classes. */
    static final List<String> UAVDET_CLASSES =
            List.of("person", "bicycle", "car", "van", "truck", "bus", "motorcycle");

    private static final List<Integer> STRIDES = List.of(8, 16, 32);
    private static final int YOLOV5_ANCHORS = 3;
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The guessed descriptor as JSON, or none, and the reason. */
    record Result(Optional<String> json, String note) {}

    private DescriptorGuess() {}

    /**
     * Guesses the layout of a model with an NCHW image input of {@code width} x {@code height}
     * and the given concrete output shapes.
     */
    static Result guess(Path modelFile, int width, int height, List<List<Long>> outputs) {
        long cells = 0;
        for (int stride : STRIDES) {
            if (width % stride != 0 || height % stride != 0) {
                return none("input " + width + "x" + height + " is not a multiple of the strides "
                        + STRIDES, outputs);
            }
            cells += (long) (width / stride) * (height / stride);
        }
        if (outputs.size() == 1 && outputs.get(0).size() == 3 && outputs.get(0).get(0) == 1) {
            return guessSingleOutput(modelFile, width, height, outputs.get(0), cells);
        }
        if (outputs.size() == 2 * STRIDES.size()) {
            return guessNanoDetPlus(modelFile, width, height, outputs);
        }
        return none("no known layout has " + outputs.size() + " outputs of these shapes",
                outputs);
    }

    private static Result guessSingleOutput(Path modelFile, int width, int height,
            List<Long> shape, long cells) {
        long rows = shape.get(1);
        long columns = shape.get(2);
        if (rows == cells && columns > 5) {
            int classes = (int) (columns - 5);
            String owner = classes == UAVDET_CLASSES.size() ? "UavDet's" : "the YOLOX";
            return found(builder(modelFile, ModelFormat.YOLOX, width, height, classes)
                    .strides(STRIDES).colorOrder(ColorOrder.BGR)
                    .letterbox(LetterboxAlignment.TOP_LEFT).padValue(114),
                    "one output [1, " + rows + ", 5 + " + classes + "] with one row per cell of"
                            + " strides " + STRIDES + ": YOLOX layout; pre-processing is "
                            + owner + " (BGR, 0-255, top-left letterbox, padding 114)");
        }
        if (rows == YOLOV5_ANCHORS * cells && columns > 5) {
            int classes = (int) (columns - 5);
            return found(builder(modelFile, ModelFormat.YOLOV5, width, height, classes)
                    .colorOrder(ColorOrder.RGB).std(255, 255, 255)
                    .letterbox(LetterboxAlignment.CENTER).padValue(114),
                    "one output [1, " + rows + ", 5 + " + classes + "] with 3 anchors per cell:"
                            + " YOLOv5 layout; pre-processing is Ultralytics' (RGB / 255,"
                            + " centred letterbox, padding 114)");
        }
        if (columns == cells && rows > 4) {
            int classes = (int) (rows - 4);
            return found(builder(modelFile, ModelFormat.YOLOV8, width, height, classes)
                    .strides(STRIDES).colorOrder(ColorOrder.RGB).std(255, 255, 255)
                    .letterbox(LetterboxAlignment.CENTER).padValue(114),
                    "one channel-major output [1, 4 + " + classes + ", " + columns + "]: YOLOv8"
                            + " / YOLO11 layout; pre-processing is Ultralytics' (RGB / 255,"
                            + " centred letterbox, padding 114)");
        }
        return none("one output " + ShapeText.of(shape) + " matches no layout with strides "
                + STRIDES, List.of(shape));
    }

    private static Result guessNanoDetPlus(Path modelFile, int width, int height,
            List<List<Long>> outputs) {
        int classes = -1;
        int boxChannels = -1;
        for (int level = 0; level < STRIDES.size(); level++) {
            long levelCells = (long) (width / STRIDES.get(level)) * (height / STRIDES.get(level));
            List<Long> scores = outputs.get(level);
            List<Long> boxes = outputs.get(level + STRIDES.size());
            if (scores.size() != 3 || boxes.size() != 3 || scores.get(1) != levelCells
                    || boxes.get(1) != levelCells) {
                return none("six outputs, but not three score maps then three box maps of"
                        + " strides " + STRIDES, outputs);
            }
            classes = scores.get(2).intValue();
            boxChannels = boxes.get(2).intValue();
        }
        if (boxChannels % 4 != 0 || boxChannels < 8) {
            return none("box maps have " + boxChannels + " channels, not 4 x (regMax + 1)",
                    outputs);
        }
        int regMax = boxChannels / 4 - 1;
        return found(builder(modelFile, ModelFormat.NANODET_PLUS, width, height, classes)
                .strides(STRIDES).regMax(regMax).colorOrder(ColorOrder.BGR)
                .mean(103.53f, 116.28f, 123.675f).std(57.375f, 57.12f, 58.395f)
                .letterbox(LetterboxAlignment.CENTER).padValue(0),
                "three score maps [1, N, " + classes + "] and three box maps [1, N, 4 x "
                        + (regMax + 1) + "]: NanoDet-Plus layout, regMax " + regMax
                        + "; pre-processing is NanoDet-Plus' (BGR, ImageNet mean and standard"
                        + " deviation, centred letterbox, padding 0)");
    }

    private static ModelDescriptor.Builder builder(Path modelFile, ModelFormat format, int width,
            int height, int classes) {
        String fileName = modelFile.getFileName().toString();
        String id = fileName.endsWith(".onnx")
                ? fileName.substring(0, fileName.length() - ".onnx".length()) : fileName;
        return ModelDescriptor.builder().id(id).format(format)
                .model(Path.of(fileName)).inputWidth(width).inputHeight(height)
                .classNames(classNames(format, classes));
    }

    private static List<String> classNames(ModelFormat format, int classes) {
        if (classes == CocoClasses.NAMES.size()) {
            return CocoClasses.NAMES;
        }
        if (format == ModelFormat.YOLOX && classes == UAVDET_CLASSES.size()) {
            return UAVDET_CLASSES;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("class" + i);
        }
        return names;
    }

    private static Result found(ModelDescriptor.Builder builder, String note) {
        ModelDescriptor descriptor = builder.build();
        return new Result(Optional.of(toJson(descriptor)), note);
    }

    private static Result none(String reason, List<List<Long>> outputs) {
        List<String> shapes = outputs.stream().map(ShapeText::of).toList();
        return new Result(Optional.empty(), reason + " (outputs " + shapes + ")");
    }

    /** Writes {@code descriptor} in the JSON form that {@link ModelDescriptor#read} accepts. */
    static String toJson(ModelDescriptor descriptor) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", descriptor.id());
        node.put("description", descriptor.description());
        node.put("format", descriptor.format().name());
        node.put("model", descriptor.modelPath().toString());
        node.put("inputWidth", descriptor.inputWidth());
        node.put("inputHeight", descriptor.inputHeight());
        node.put("colorOrder", descriptor.colorOrder().name());
        float[] mean = descriptor.mean();
        float[] std = descriptor.std();
        ArrayNode meanNode = node.putArray("mean");
        ArrayNode stdNode = node.putArray("std");
        for (int c = 0; c < 3; c++) {
            meanNode.add(mean[c]);
            stdNode.add(std[c]);
        }
        node.put("letterbox", descriptor.letterbox().name());
        node.put("padValue", descriptor.padValue());
        if (!descriptor.strides().isEmpty()) {
            descriptor.strides().forEach(node.putArray("strides")::add);
        }
        if (descriptor.format() == ModelFormat.NANODET_PLUS) {
            node.put("regMax", descriptor.regMax());
        }
        descriptor.classNames().forEach(node.putArray("classNames")::add);
        node.put("scoreThreshold", descriptor.scoreThreshold());
        node.put("nmsIouThreshold", descriptor.nmsIouThreshold());
        node.put("maxDetections", descriptor.maxDetections());
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write descriptor JSON", e);
        }
    }
}
