package io.uavstream.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a detector needs to know about an ONNX model that the model file does not state:
 * its output layout, input size, pre-processing, class names and post-processing thresholds.
 *
 * <p>Descriptors are usually read from a JSON file next to the model with {@link #read(Path)};
 * the field names of the file are those of the {@link Builder} methods. Instances are immutable
 * and validated on construction.
 */
public final class ModelDescriptor {

    /** Default {@link #scoreThreshold()} when the descriptor sets none. */
    public static final float DEFAULT_SCORE_THRESHOLD = 0.3f;

    /** Default {@link #nmsIouThreshold()} when the descriptor sets none. */
    public static final float DEFAULT_NMS_IOU_THRESHOLD = 0.45f;

    /** Default {@link #maxDetections()} when the descriptor sets none. */
    public static final int DEFAULT_MAX_DETECTIONS = 100;

    /** Default {@link #regMax()}, the NanoDet-Plus default of 8 bins per box side. */
    public static final int DEFAULT_REG_MAX = 7;

    private final String id;
    private final String description;
    private final String source;
    private final ModelFormat format;
    private final Path modelPath;
    private final int inputWidth;
    private final int inputHeight;
    private final ColorOrder colorOrder;
    private final float[] mean;
    private final float[] std;
    private final LetterboxAlignment letterbox;
    private final int padValue;
    private final List<Integer> strides;
    private final int regMax;
    private final List<String> classNames;
    private final float scoreThreshold;
    private final float nmsIouThreshold;
    private final int maxDetections;

    private ModelDescriptor(Builder builder) {
        this.id = builder.id;
        this.description = builder.description;
        this.source = builder.source;
        this.format = builder.format;
        this.modelPath = builder.modelPath;
        this.inputWidth = builder.inputWidth;
        this.inputHeight = builder.inputHeight;
        this.colorOrder = builder.colorOrder;
        this.mean = builder.mean.clone();
        this.std = builder.std.clone();
        this.letterbox = builder.letterbox;
        this.padValue = builder.padValue;
        this.strides = List.copyOf(builder.strides);
        this.regMax = builder.regMax == null ? DEFAULT_REG_MAX : builder.regMax;
        this.classNames = List.copyOf(builder.classNames);
        this.scoreThreshold = builder.scoreThreshold;
        this.nmsIouThreshold = builder.nmsIouThreshold;
        this.maxDetections = builder.maxDetections;
    }

    /**
     * Reads and validates the JSON descriptor {@code descriptorFile}. A relative {@code model}
     * path is resolved against the descriptor's folder.
     *
     * @throws InvalidModelException if the file is missing, is not valid JSON, or has an invalid
     *     field. The message names the file and the field.
     */
    public static ModelDescriptor read(Path descriptorFile) {
        return ModelDescriptorReader.read(descriptorFile);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this descriptor's fields, to derive a changed copy. */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .id(id).description(description).source(source).format(format).model(modelPath)
                .inputWidth(inputWidth).inputHeight(inputHeight).colorOrder(colorOrder)
                .mean(mean.clone()).std(std.clone()).letterbox(letterbox).padValue(padValue)
                .strides(strides).classNames(classNames).scoreThreshold(scoreThreshold)
                .nmsIouThreshold(nmsIouThreshold).maxDetections(maxDetections);
        if (format == ModelFormat.NANODET_PLUS) {
            builder.regMax(regMax);
        }
        return builder;
    }

    /** Returns the model's short name, used in logs and detection records. */
    public String id() {
        return id;
    }

    /** Returns the free-text description, empty when the descriptor has none. */
    public String description() {
        return description;
    }

    /** Returns where this descriptor came from: a file path or a bundled resource name. */
    public String source() {
        return source;
    }

    public ModelFormat format() {
        return format;
    }

    /** Returns the ONNX model file. */
    public Path modelPath() {
        return modelPath;
    }

    /** Returns the model input width in pixels. */
    public int inputWidth() {
        return inputWidth;
    }

    /** Returns the model input height in pixels. */
    public int inputHeight() {
        return inputHeight;
    }

    public ColorOrder colorOrder() {
        return colorOrder;
    }

    /** Returns a copy of the per-channel mean in model channel order, in 0-255 pixel units. */
    public float[] mean() {
        return mean.clone();
    }

    /** Returns a copy of the per-channel standard deviation in model channel order. */
    public float[] std() {
        return std.clone();
    }

    public LetterboxAlignment letterbox() {
        return letterbox;
    }

    /** Returns the pixel value (0-255, before normalisation) of the letterbox padding. */
    public int padValue() {
        return padValue;
    }

    /** Returns the feature-map strides in output order, empty when the format needs none. */
    public List<Integer> strides() {
        return strides;
    }

    /** Returns the NanoDet-Plus distribution size minus one: each box side has regMax + 1 bins. */
    public int regMax() {
        return regMax;
    }

    /** Returns the class names indexed by class ID. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the minimum score (0-1] that a detection needs to be reported. */
    public float scoreThreshold() {
        return scoreThreshold;
    }

    /** Returns the IoU above which NMS suppresses the lower-scored box of the same class. */
    public float nmsIouThreshold() {
        return nmsIouThreshold;
    }

    /** Returns the maximum number of detections reported per image. */
    public int maxDetections() {
        return maxDetections;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ModelDescriptor that)) {
            return false;
        }
        return inputWidth == that.inputWidth && inputHeight == that.inputHeight
                && padValue == that.padValue && regMax == that.regMax
                && Float.compare(scoreThreshold, that.scoreThreshold) == 0
                && Float.compare(nmsIouThreshold, that.nmsIouThreshold) == 0
                && maxDetections == that.maxDetections && id.equals(that.id)
                && description.equals(that.description) && format == that.format
                && modelPath.equals(that.modelPath) && colorOrder == that.colorOrder
                && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std)
                && letterbox == that.letterbox && strides.equals(that.strides)
                && classNames.equals(that.classNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, format, modelPath, inputWidth, inputHeight, classNames);
    }

    @Override
    public String toString() {
        return "ModelDescriptor{id=" + id + ", format=" + format + ", input=" + inputWidth + "x"
                + inputHeight + ", classes=" + classNames.size() + ", source=" + source + "}";
    }

    /**
     * Builder for {@link ModelDescriptor}. {@link #build()} validates all fields at once and
     * raises {@link IllegalArgumentException} naming the first invalid field.
     */
    public static final class Builder {
        private String id;
        private String description = "";
        private String source = "builder";
        private ModelFormat format;
        private Path modelPath;
        private int inputWidth;
        private int inputHeight;
        private ColorOrder colorOrder;
        private float[] mean = {0f, 0f, 0f};
        private float[] std = {1f, 1f, 1f};
        private LetterboxAlignment letterbox;
        private int padValue;
        private List<Integer> strides = List.of();
        private Integer regMax;
        private List<String> classNames;
        private float scoreThreshold = DEFAULT_SCORE_THRESHOLD;
        private float nmsIouThreshold = DEFAULT_NMS_IOU_THRESHOLD;
        private int maxDetections = DEFAULT_MAX_DETECTIONS;

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets where the descriptor came from, for messages. The default is "builder". */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder format(ModelFormat format) {
            this.format = format;
            return this;
        }

        public Builder model(Path modelPath) {
            this.modelPath = modelPath;
            return this;
        }

        public Builder inputWidth(int inputWidth) {
            this.inputWidth = inputWidth;
            return this;
        }

        public Builder inputHeight(int inputHeight) {
            this.inputHeight = inputHeight;
            return this;
        }

        public Builder colorOrder(ColorOrder colorOrder) {
            this.colorOrder = colorOrder;
            return this;
        }

        /** Sets the per-channel mean in model channel order, 0 by default. */
        public Builder mean(float... mean) {
            this.mean = mean;
            return this;
        }

        /** Sets the per-channel standard deviation in model channel order, 1 by default. */
        public Builder std(float... std) {
            this.std = std;
            return this;
        }

        public Builder letterbox(LetterboxAlignment letterbox) {
            this.letterbox = letterbox;
            return this;
        }

        /** Sets the padding pixel value in 0-255, 0 by default. */
        public Builder padValue(int padValue) {
            this.padValue = padValue;
            return this;
        }

        public Builder strides(List<Integer> strides) {
            this.strides = strides;
            return this;
        }

        /** Sets the NanoDet-Plus regMax, 7 by default. Only format NANODET_PLUS accepts it. */
        public Builder regMax(int regMax) {
            this.regMax = regMax;
            return this;
        }

        public Builder classNames(List<String> classNames) {
            this.classNames = classNames;
            return this;
        }

        public Builder scoreThreshold(float scoreThreshold) {
            this.scoreThreshold = scoreThreshold;
            return this;
        }

        public Builder nmsIouThreshold(float nmsIouThreshold) {
            this.nmsIouThreshold = nmsIouThreshold;
            return this;
        }

        public Builder maxDetections(int maxDetections) {
            this.maxDetections = maxDetections;
            return this;
        }

        /**
         * Validates the fields and builds the descriptor.
         *
         * @throws IllegalArgumentException naming the first missing or invalid field
         */
        public ModelDescriptor build() {
            require(id != null && !id.isBlank(), "field 'id' is missing or blank");
            require(description != null, "field 'description' must not be null");
            require(source != null, "source must not be null");
            require(format != null, "field 'format' is missing; expected one of "
                    + Arrays.toString(ModelFormat.values()));
            require(modelPath != null, "field 'model' is missing");
            require(inputWidth > 0, "field 'inputWidth' must be a positive number of pixels, got "
                    + inputWidth);
            require(inputHeight > 0, "field 'inputHeight' must be a positive number of pixels, got "
                    + inputHeight);
            require(colorOrder != null, "field 'colorOrder' is missing; expected one of "
                    + Arrays.toString(ColorOrder.values()));
            validateNormalisation();
            require(letterbox != null, "field 'letterbox' is missing; expected one of "
                    + Arrays.toString(LetterboxAlignment.values()));
            require(padValue >= 0 && padValue <= 255,
                    "field 'padValue' must be a pixel value in 0-255, got " + padValue);
            validateStrides();
            validateRegMax();
            validateClassNames();
            require(scoreThreshold > 0f && scoreThreshold <= 1f,
                    "field 'scoreThreshold' must be in (0, 1], got " + scoreThreshold);
            require(nmsIouThreshold > 0f && nmsIouThreshold <= 1f,
                    "field 'nmsIouThreshold' must be in (0, 1], got " + nmsIouThreshold);
            require(maxDetections > 0,
                    "field 'maxDetections' must be at least 1, got " + maxDetections);
            return new ModelDescriptor(this);
        }

        private void validateNormalisation() {
            require(mean != null && mean.length == 3,
                    "field 'mean' must have 3 values, one per channel, got "
                            + (mean == null ? "null" : Arrays.toString(mean)));
            require(std != null && std.length == 3,
                    "field 'std' must have 3 values, one per channel, got "
                            + (std == null ? "null" : Arrays.toString(std)));
            for (int c = 0; c < 3; c++) {
                require(Float.isFinite(mean[c]),
                        "field 'mean' must contain finite numbers, got " + Arrays.toString(mean));
                require(Float.isFinite(std[c]) && std[c] > 0f,
                        "field 'std' must contain positive numbers, got " + Arrays.toString(std));
            }
        }

        private void validateStrides() {
            require(strides != null, "field 'strides' must not be null");
            if (format.stridesRequired()) {
                require(!strides.isEmpty(), "field 'strides' is missing; format " + format
                        + " needs the feature-map strides, for example [8, 16, 32]");
            }
            Set<Integer> seen = new HashSet<>();
            for (Integer stride : strides) {
                require(stride != null && stride > 0,
                        "field 'strides' must contain positive integers, got " + strides);
                require(seen.add(stride), "field 'strides' lists stride " + stride + " twice");
                require(inputWidth % stride == 0, "field 'inputWidth' " + inputWidth
                        + " is not a multiple of stride " + stride + " from 'strides'");
                require(inputHeight % stride == 0, "field 'inputHeight' " + inputHeight
                        + " is not a multiple of stride " + stride + " from 'strides'");
            }
        }

        private void validateRegMax() {
            if (regMax == null) {
                return;
            }
            require(format == ModelFormat.NANODET_PLUS,
                    "field 'regMax' applies to format NANODET_PLUS only, not " + format);
            require(regMax >= 1 && regMax <= 64, "field 'regMax' must be in 1-64, got " + regMax);
        }

        private void validateClassNames() {
            require(classNames != null && !classNames.isEmpty(),
                    "field 'classNames' is missing or empty; list the class names by class ID");
            List<Integer> blank = new ArrayList<>();
            for (int i = 0; i < classNames.size(); i++) {
                String name = classNames.get(i);
                if (name == null || name.isBlank()) {
                    blank.add(i);
                }
            }
            require(blank.isEmpty(), "field 'classNames' has blank names at class IDs " + blank);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
