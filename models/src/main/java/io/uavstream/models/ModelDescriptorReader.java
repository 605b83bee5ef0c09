package io.uavstream.models;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link ModelDescriptor}s from JSON. Every error becomes an {@link InvalidModelException}
 * whose message names the descriptor and, where there is one, the field.
 */
final class ModelDescriptorReader {

    static final Set<String> FIELDS = Set.of("id", "description", "format", "model", "inputWidth",
            "inputHeight", "colorOrder", "mean", "std", "letterbox", "padValue", "strides", "regMax",
            "classNames", "scoreThreshold", "nmsIouThreshold", "maxDetections");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ModelDescriptorReader() {}

    /** Reads {@code file}, resolving a relative model path against the file's folder. */
    static ModelDescriptor read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new InvalidModelException("Model descriptor " + absolute + " does not exist or is"
                    + " not a regular file. Pass the path of an existing descriptor (.json).");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new InvalidModelException("Model descriptor " + absolute + " could not be read: "
                    + e.getMessage(), e);
        }
        return parse(json, absolute.toString(), absolute.getParent());
    }

    /**
     * Parses a descriptor.
     *
     * @param source where the JSON came from, for messages
     * @param baseDirectory folder against which a relative {@code model} path is resolved
     */
    static ModelDescriptor parse(byte[] json, String source, Path baseDirectory) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidModelException("Model descriptor " + source + " is not valid JSON"
                    + where + ": " + e.getOriginalMessage() + ". Fix the syntax and retry.", e);
        } catch (IOException e) {
            throw new InvalidModelException("Model descriptor " + source + " could not be parsed: "
                    + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "the file must contain one JSON object, got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        try {
            return toDescriptor(new Fields(root), source, baseDirectory);
        } catch (IllegalArgumentException e) {
            throw invalid(source, e.getMessage());
        }
    }

    private static ModelDescriptor toDescriptor(Fields fields, String source, Path baseDirectory) {
        fields.rejectUnknown();
        ModelDescriptor.Builder builder = ModelDescriptor.builder()
                .source(source)
                .id(fields.requiredText("id"))
                .format(fields.requiredEnum("format", ModelFormat.class))
                .model(resolveModel(fields.requiredText("model"), baseDirectory))
                .inputWidth(fields.requiredInt("inputWidth"))
                .inputHeight(fields.requiredInt("inputHeight"))
                .colorOrder(fields.requiredEnum("colorOrder", ColorOrder.class))
                .letterbox(fields.requiredEnum("letterbox", LetterboxAlignment.class))
                .classNames(fields.requiredTextList("classNames"));
        setOptionalFields(fields, builder);

        ModelDescriptor descriptor = builder.build();
        requireModelFile(descriptor.modelPath());
        return descriptor;
    }

    /** Sets the fields that have defaults, where the descriptor lists them. */
    private static void setOptionalFields(Fields fields, ModelDescriptor.Builder builder) {
        if (fields.has("description")) {
            builder.description(fields.requiredText("description"));
        }
        if (fields.has("mean")) {
            builder.mean(fields.requiredFloats("mean"));
        }
        if (fields.has("std")) {
            builder.std(fields.requiredFloats("std"));
        }
        if (fields.has("padValue")) {
            builder.padValue(fields.requiredInt("padValue"));
        }
        if (fields.has("strides")) {
            builder.strides(fields.requiredIntList("strides"));
        }
        if (fields.has("regMax")) {
            builder.regMax(fields.requiredInt("regMax"));
        }
        if (fields.has("scoreThreshold")) {
            builder.scoreThreshold(fields.requiredFloat("scoreThreshold"));
        }
        if (fields.has("nmsIouThreshold")) {
            builder.nmsIouThreshold(fields.requiredFloat("nmsIouThreshold"));
        }
        if (fields.has("maxDetections")) {
            builder.maxDetections(fields.requiredInt("maxDetections"));
        }
    }

    private static Path resolveModel(String model, Path baseDirectory) {
        if (model.isBlank()) {
            throw new IllegalArgumentException("field 'model' is blank; set it to the ONNX file");
        }
        Path path;
        try {
            path = Path.of(model);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("field 'model' is not a valid path: " + model, e);
        }
        if (!path.isAbsolute()) {
            path = baseDirectory.resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    private static void requireModelFile(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("model file " + model + " named by field 'model'"
                    + " does not exist. Put the ONNX file there or correct 'model' (a relative"
                    + " path is resolved against the descriptor's folder).");
        }
    }

    private static InvalidModelException invalid(String source, String problem) {
        return new InvalidModelException("Invalid model descriptor " + source + ": " + problem);
    }

    /** Typed access to the fields of the descriptor object, with errors that name the field. */
    private static final class Fields {
        private final JsonNode root;

        Fields(JsonNode root) {
            this.root = root;
        }

        boolean has(String name) {
            return root.has(name) && !root.get(name).isNull();
        }

        void rejectUnknown() {
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                String[] known = FIELDS.toArray(String[]::new);
                Arrays.sort(known);
                throw new IllegalArgumentException("unknown field(s) " + unknown
                        + "; the known fields are " + Arrays.toString(known));
            }
        }

        String requiredText(String name) {
            JsonNode node = required(name);
            if (!node.isTextual()) {
                throw wrongType(name, "a string", node);
            }
            return node.textValue();
        }

        <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
            String text = requiredText(name);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("field '" + name + "' has the unknown value \""
                    + text + "\"; expected one of " + Arrays.toString(type.getEnumConstants()));
        }

        int requiredInt(String name) {
            JsonNode node = required(name);
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw wrongType(name, "an integer", node);
            }
            return node.intValue();
        }

        float requiredFloat(String name) {
            JsonNode node = required(name);
            if (!node.isNumber()) {
                throw wrongType(name, "a number", node);
            }
            return node.floatValue();
        }

        float[] requiredFloats(String name) {
            JsonNode array = requiredArray(name);
            float[] values = new float[array.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode element = array.get(i);
                if (!element.isNumber()) {
                    throw wrongType(name, "an array of numbers", array);
                }
                values[i] = element.floatValue();
            }
            return values;
        }

        List<Integer> requiredIntList(String name) {
            JsonNode array = requiredArray(name);
            List<Integer> values = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                    throw wrongType(name, "an array of integers", array);
                }
                values.add(element.intValue());
            }
            return values;
        }

        List<String> requiredTextList(String name) {
            JsonNode array = requiredArray(name);
            List<String> values = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                if (!element.isTextual()) {
                    throw wrongType(name, "an array of strings", array);
                }
                values.add(element.textValue());
            }
            return values;
        }

        private JsonNode requiredArray(String name) {
            JsonNode node = required(name);
            if (!node.isArray()) {
                throw wrongType(name, "an array", node);
            }
            return node;
        }

        private JsonNode required(String name) {
            if (!has(name)) {
                throw new IllegalArgumentException("field '" + name + "' is missing");
            }
            return root.get(name);
        }

        private static IllegalArgumentException wrongType(String name, String expected,
                JsonNode actual) {
            String shown = actual.toString();
            if (shown.length() > 80) {
                shown = shown.substring(0, 77) + "...";
            }
            return new IllegalArgumentException(
                    "field '" + name + "' must be " + expected + ", got " + shown);
        }
    }
}
