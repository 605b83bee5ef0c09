package io.uavstream.operators;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelReference;
import java.util.Iterator;

/**
 * Parses the value of a model record of the control topic: a JSON object with the one key
 * {@code "model"}, whose value is a bundled model ID or the absolute path of a model descriptor or
 * ONNX file on the TaskManagers, for example {@code {"model": "uavdet-416"}}.
 */
final class ModelControlParser {

    /** The only key of a model record's value. */
    static final String MODEL_KEY = "model";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ModelControlParser() {}

    /**
     * Parses and checks a model record's value. A path must be absolute, because the producer of
     * the record cannot know the TaskManagers' working directory.
     *
     * @throws InvalidModelException naming what is wrong: invalid JSON with its line and column, a
     *     value that is not an object, a missing or unknown key, a model that is not a string, an
     *     unknown bundled model ID or a relative path
     */
    static ModelReference parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidModelException("Invalid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidModelException("A model record's value must be a JSON object such as"
                    + " {\"model\": \"uavdet-416\"}, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!MODEL_KEY.equals(key)) {
                throw new InvalidModelException("Unknown key \"" + key + "\" in a model record; the only accepted key is"
                        + " \"model\"");
            }
        }
        JsonNode model = root.get(MODEL_KEY);
        if (model == null) {
            throw new InvalidModelException("A model record's value needs the key \"model\", for example"
                    + " {\"model\": \"uavdet-416\"}; send an empty value to clear the selection");
        }
        if (!model.isTextual()) {
            throw new InvalidModelException("Field \"model\" must be a string (a bundled model ID or an absolute"
                    + " path), got " + model.getNodeType());
        }
        ModelReference reference = ModelReference.parse(model.textValue());
        if (!reference.isBundled() && !reference.isAbsolutePath()) {
            throw new InvalidModelException("Model path " + reference + " is relative; a model record must name an"
                    + " absolute path that exists on every TaskManager, or a bundled model ID");
        }
        return reference;
    }

    /** Returns whether {@code document} is a JSON object with the key {@code "model"}, as a model record's value is. */
    static boolean hasModelKey(String document) {
        try {
            JsonNode root = JSON.readTree(document);
            return root != null && root.isObject() && root.has(MODEL_KEY);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
