package io.uavstream.analytics.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.uavstream.analytics.geometry.Point2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One JSON object being read, with the element name that error messages start with. */
final class JsonElement {

    private final JsonNode node;
    private final String element;

    JsonElement(JsonNode node, String element) {
        this.node = node;
        this.element = element;
    }

    String element() {
        return element;
    }

    /** Returns a copy whose element name includes the ID, once the ID is known. */
    JsonElement withId(String id) {
        return new JsonElement(node, element + " (id \"" + id + "\")");
    }

    InvalidDefinitionException invalid(String field, String problem) {
        return new InvalidDefinitionException(element, field, problem);
    }

    /** Returns the node at a dotted path such as {@code properties.id}, or a missing node. */
    JsonNode at(String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }

    /**
     * Returns the member names of the object at {@code path} (this element for "") that are not in
     * {@code accepted}, in document order; empty when that node is not an object.
     */
    List<String> unknownKeys(String path, Set<String> accepted) {
        JsonNode object = path.isEmpty() ? node : at(path);
        List<String> unknown = new ArrayList<>();
        if (!object.isObject()) {
            return unknown;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!accepted.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Rejects the first member of this object that is not in {@code accepted}, naming the accepted keys. */
    void rejectUnknownKeys(Set<String> accepted) throws InvalidDefinitionException {
        List<String> unknown = unknownKeys("", accepted);
        if (!unknown.isEmpty()) {
            throw invalid(unknown.get(0), "unknown key; accepted keys are " + String.join(", ", accepted));
        }
    }

    String requireText(String path) throws InvalidDefinitionException {
        JsonNode value = at(path);
        if (value.isMissingNode() || value.isNull()) {
            throw invalid(path, "is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid(path, "must be a non-blank string, got " + value);
        }
        return value.asText();
    }

    String optionalText(String path, String fallback) throws InvalidDefinitionException {
        JsonNode value = at(path);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw invalid(path, "must be a string, got " + value);
        }
        return value.asText();
    }

    Set<String> classes(String path) throws InvalidDefinitionException {
        JsonNode value = at(path);
        Set<String> classes = new LinkedHashSet<>();
        if (value.isMissingNode() || value.isNull()) {
            return classes;
        }
        if (!value.isArray()) {
            throw invalid(path, "must be an array of class names, got " + value);
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            if (!entry.isTextual() || entry.asText().isBlank()) {
                throw invalid(path + "[" + i + "]", "must be a non-blank class name, got " + entry);
            }
            classes.add(entry.asText());
        }
        return classes;
    }

    /** Reads a position [x, y] (extra members such as a GeoJSON altitude are ignored). */
    Point2 position(JsonNode value, String path) throws InvalidDefinitionException {
        if (!value.isArray() || value.size() < 2) {
            throw invalid(path, "must be a position [x, y], got " + value);
        }
        if (!value.get(0).isNumber() || !value.get(1).isNumber()) {
            throw invalid(path, "must contain numbers, got " + value);
        }
        double x = value.get(0).asDouble();
        double y = value.get(1).asDouble();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw invalid(path, "must be finite, got " + value);
        }
        return new Point2(x, y);
    }

    JsonNode requireArray(String path) throws InvalidDefinitionException {
        JsonNode value = at(path);
        if (value.isMissingNode() || value.isNull()) {
            throw invalid(path, "is missing");
        }
        if (!value.isArray()) {
            throw invalid(path, "must be an array, got " + value.getNodeType());
        }
        return value;
    }
}
