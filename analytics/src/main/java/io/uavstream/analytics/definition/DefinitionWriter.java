package io.uavstream.analytics.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.analytics.geometry.Point2;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes zones and lines as a control message, the format that {@link DefinitionParser#parseControl}
 * reads back to equal definitions. Every entry names its drone and coordinate space.
 */
public final class DefinitionWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DefinitionWriter() {
    }

    /** Returns the control message of {@code definitions}, as compact JSON. */
    public static String toControlJson(DefinitionSet definitions) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode zones = root.putArray("zones");
        for (ZoneDefinition zone : definitions.zones()) {
            ObjectNode node = entry(zones.addObject(), zone.id(), zone.name(), zone.droneId(), zone.space());
            positions(node.putArray("polygon"), zone.polygon().exterior());
            ArrayNode holes = node.putArray("holes");
            zone.polygon().holes().forEach(hole -> positions(holes.addArray(), hole));
            classes(node, zone.classes());
        }
        ArrayNode lines = root.putArray("lines");
        for (LineDefinition line : definitions.lines()) {
            ObjectNode node = entry(lines.addObject(), line.id(), line.name(), line.droneId(), line.space());
            position(node.putArray("from"), line.segment().start());
            position(node.putArray("to"), line.segment().end());
            classes(node, line.classes());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Writing definitions to JSON in memory failed", e);
        }
    }

    private static ObjectNode entry(ObjectNode node, String id, String name, String droneId, CoordinateSpace space) {
        node.put("id", id);
        node.put("name", name);
        node.put("drone", droneId);
        node.put("coordinates", space.name().toLowerCase(Locale.ROOT));
        return node;
    }

    private static void positions(ArrayNode array, List<Point2> points) {
        points.forEach(point -> position(array.addArray(), point));
    }

    private static void position(ArrayNode array, Point2 point) {
        array.add(point.x());
        array.add(point.y());
    }

    private static void classes(ObjectNode node, Set<String> classes) {
        ArrayNode array = node.putArray("classes");
        new TreeSet<>(classes).forEach(array::add);
    }
}
