package io.uavstream.analytics.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.analytics.geometry.DirectedSegment;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.geometry.Polygon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads zones and lines from the JSON control format or from GeoJSON; the README shows both
 * formats. Every error is an {@link InvalidDefinitionException} that names the element and field.
 *
 * <p>A control message is our own format, so a key it does not define is an error: a misspelled
 * key such as {@code "lnes"} would otherwise drop its zones or lines without notice. GeoJSON
 * allows members beyond the standard ones (RFC 7946, section 6.1 "foreign members"), and
 * {@code properties} is free-form, since GIS tools write their own attributes there. Those extra
 * members are accepted and logged at WARN, with the keys that this parser reads.
 */
public final class DefinitionParser {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionParser.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Jackson's reference to where an unclosed object or array starts, with its input source. */
    private static final Pattern START_MARKER =
            Pattern.compile("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source: [^\\]]*\\]");

    static final Set<String> CONTROL_KEYS = keys("drone", "zones", "lines");
    static final Set<String> CONTROL_ZONE_KEYS = keys("id", "name", "drone", "coordinates", "polygon", "holes", "classes");
    static final Set<String> CONTROL_LINE_KEYS = keys("id", "name", "drone", "coordinates", "from", "to", "classes");
    static final Set<String> GEOJSON_COLLECTION_KEYS = keys("type", "features", "bbox");
    static final Set<String> GEOJSON_FEATURE_KEYS = keys("type", "id", "geometry", "properties", "bbox");
    static final Set<String> GEOJSON_GEOMETRY_KEYS = keys("type", "coordinates", "bbox");
    static final Set<String> GEOJSON_PROPERTY_KEYS = keys("id", "name", "drone", "classes");

    private DefinitionParser() {
    }

    /**
     * Parses a control message: an object with an optional default {@code drone}, and arrays
     * {@code zones} (id, name, drone, coordinates "pixel" or "wgs84", polygon, holes, classes) and
     * {@code lines} (id, name, drone, coordinates, from, to, classes).
     */
    public static DefinitionSet parseControl(String json) throws InvalidDefinitionException {
        return parseControl(new JsonElement(readObject(json), "document"), null);
    }

    /**
     * Parses a control message or a GeoJSON document, recognised by a top-level {@code type} of
     * {@code "FeatureCollection"} or {@code "Feature"}, which only GeoJSON has. In a control
     * message, {@code fallbackDrone} is the drone of entries that name none, when the document
     * names no default {@code drone} either; GeoJSON features always name their drone.
     */
    public static DefinitionSet parse(String json, String fallbackDrone) throws InvalidDefinitionException {
        JsonNode node = readObject(json);
        String type = node.path("type").asText("");
        if (type.equals("FeatureCollection") || type.equals("Feature")) {
            return parseGeoJson(node);
        }
        return parseControl(new JsonElement(node, "document"), fallbackDrone);
    }

    private static DefinitionSet parseControl(JsonElement root, String fallbackDrone)
            throws InvalidDefinitionException {
        root.rejectUnknownKeys(CONTROL_KEYS);
        String defaultDrone = root.optionalText("drone", fallbackDrone);
        List<ZoneDefinition> zones = new ArrayList<>();
        List<LineDefinition> lines = new ArrayList<>();
        JsonNode zoneNodes = root.at("zones");
        if (!zoneNodes.isMissingNode()) {
            JsonNode array = root.requireArray("zones");
            for (int i = 0; i < array.size(); i++) {
                zones.add(controlZone(new JsonElement(array.get(i), "zones[" + i + "]"), defaultDrone));
            }
        }
        JsonNode lineNodes = root.at("lines");
        if (!lineNodes.isMissingNode()) {
            JsonNode array = root.requireArray("lines");
            for (int i = 0; i < array.size(); i++) {
                lines.add(controlLine(new JsonElement(array.get(i), "lines[" + i + "]"), defaultDrone));
            }
        }
        return definitionSet(root, zones, lines);
    }

    /**
     * Parses a GeoJSON FeatureCollection or single Feature in WGS84. Polygon features become zones
     * (first ring the exterior, the others holes) and two-position LineString features become
     * lines; properties {@code id} and {@code drone} are required, {@code name} and
     * {@code classes} optional.
     */
    public static DefinitionSet parseGeoJson(String json) throws InvalidDefinitionException {
        return parseGeoJson(readObject(json));
    }

    private static DefinitionSet parseGeoJson(JsonNode document) throws InvalidDefinitionException {
        JsonElement root = new JsonElement(document, "document");
        String type = root.requireText("type");
        List<JsonElement> features = new ArrayList<>();
        if (type.equals("FeatureCollection")) {
            logForeignMembers(root, "", GEOJSON_COLLECTION_KEYS);
            JsonNode array = root.requireArray("features");
            for (int i = 0; i < array.size(); i++) {
                features.add(new JsonElement(array.get(i), "features[" + i + "]"));
            }
        } else if (type.equals("Feature")) {
            features.add(new JsonElement(document, "feature"));
        } else {
            throw root.invalid("type", "must be \"FeatureCollection\" or \"Feature\", got \"" + type + "\"");
        }
        List<ZoneDefinition> zones = new ArrayList<>();
        List<LineDefinition> lines = new ArrayList<>();
        for (JsonElement feature : features) {
            readFeature(feature, zones, lines);
        }
        return definitionSet(root, zones, lines);
    }

    private static void readFeature(JsonElement feature, List<ZoneDefinition> zones, List<LineDefinition> lines)
            throws InvalidDefinitionException {
        if (!feature.at("type").asText("").equals("Feature")) {
            throw feature.invalid("type", "must be \"Feature\", got " + feature.at("type"));
        }
        JsonElement named = feature.withId(feature.requireText("properties.id"));
        logForeignMembers(named, "", GEOJSON_FEATURE_KEYS);
        logForeignMembers(named, "geometry", GEOJSON_GEOMETRY_KEYS);
        logForeignMembers(named, "properties", GEOJSON_PROPERTY_KEYS);
        String id = named.requireText("properties.id");
        String name = named.optionalText("properties.name", "");
        String drone = named.requireText("properties.drone");
        String geometryType = named.requireText("geometry.type");
        JsonNode coordinates = named.requireArray("geometry.coordinates");
        switch (geometryType) {
            case "Polygon" -> {
                List<List<Point2>> rings = new ArrayList<>();
                for (int r = 0; r < coordinates.size(); r++) {
                    rings.add(geoJsonRing(named, coordinates.get(r), "geometry.coordinates[" + r + "]"));
                }
                if (rings.isEmpty()) {
                    throw named.invalid("geometry.coordinates", "must contain at least the exterior ring");
                }
                Polygon polygon = build(named, "geometry.coordinates",
                        () -> new Polygon(rings.get(0), rings.subList(1, rings.size())));
                zones.add(build(named, "properties", () -> new ZoneDefinition(
                        id, name, drone, CoordinateSpace.WGS84, polygon, named.classes("properties.classes"))));
            }
            case "LineString" -> {
                if (coordinates.size() != 2) {
                    throw named.invalid("geometry.coordinates",
                            "a counting line must have exactly 2 positions, got " + coordinates.size());
                }
                Point2 start = wgs84(named, coordinates.get(0), "geometry.coordinates[0]");
                Point2 end = wgs84(named, coordinates.get(1), "geometry.coordinates[1]");
                DirectedSegment segment = build(named, "geometry.coordinates", () -> new DirectedSegment(start, end));
                lines.add(build(named, "properties", () -> new LineDefinition(
                        id, name, drone, CoordinateSpace.WGS84, segment, named.classes("properties.classes"))));
            }
            default -> throw named.invalid("geometry.type",
                    "must be \"Polygon\" or \"LineString\", got \"" + geometryType + "\"");
        }
    }

    /** Reads a closed GeoJSON linear ring and drops its repeated last position. */
    private static List<Point2> geoJsonRing(JsonElement feature, JsonNode ring, String path)
            throws InvalidDefinitionException {
        if (!ring.isArray() || ring.size() < 4) {
            throw feature.invalid(path, "a linear ring needs at least 4 positions (the last equal to the first), got "
                    + (ring.isArray() ? ring.size() + " positions" : ring.getNodeType().toString()));
        }
        List<Point2> points = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            points.add(wgs84(feature, ring.get(i), path + "[" + i + "]"));
        }
        if (!points.get(0).equals(points.get(points.size() - 1))) {
            throw feature.invalid(path, "a linear ring must end with its first position " + points.get(0)
                    + ", got " + points.get(points.size() - 1));
        }
        return points.subList(0, points.size() - 1);
    }

    private static Point2 wgs84(JsonElement element, JsonNode value, String path) throws InvalidDefinitionException {
        Point2 point = element.position(value, path);
        if (Math.abs(point.x()) > 180) {
            throw element.invalid(path, "longitude " + point.x() + " is outside [-180, 180]");
        }
        if (Math.abs(point.y()) > 90) {
            throw element.invalid(path, "latitude " + point.y() + " is outside [-90, 90]");
        }
        return point;
    }

    private static ZoneDefinition controlZone(JsonElement zone, String defaultDrone) throws InvalidDefinitionException {
        JsonElement named = zone.withId(zone.requireText("id"));
        named.rejectUnknownKeys(CONTROL_ZONE_KEYS);
        CoordinateSpace space = space(named);
        JsonNode exterior = named.requireArray("polygon");
        List<Point2> ring = controlRing(named, exterior, "polygon", space);
        List<List<Point2>> holes = new ArrayList<>();
        JsonNode holeNodes = named.at("holes");
        if (!holeNodes.isMissingNode() && !holeNodes.isNull()) {
            JsonNode array = named.requireArray("holes");
            for (int h = 0; h < array.size(); h++) {
                holes.add(controlRing(named, array.get(h), "holes[" + h + "]", space));
            }
        }
        Polygon polygon = build(named, "polygon", () -> new Polygon(ring, holes));
        String drone = drone(named, defaultDrone);
        return build(named, "id", () -> new ZoneDefinition(named.requireText("id"),
                named.optionalText("name", ""), drone, space, polygon, named.classes("classes")));
    }

    private static LineDefinition controlLine(JsonElement line, String defaultDrone) throws InvalidDefinitionException {
        JsonElement named = line.withId(line.requireText("id"));
        named.rejectUnknownKeys(CONTROL_LINE_KEYS);
        CoordinateSpace space = space(named);
        Point2 start = controlPoint(named, named.at("from"), "from", space);
        Point2 end = controlPoint(named, named.at("to"), "to", space);
        DirectedSegment segment = build(named, "to", () -> new DirectedSegment(start, end));
        String drone = drone(named, defaultDrone);
        return build(named, "id", () -> new LineDefinition(named.requireText("id"),
                named.optionalText("name", ""), drone, space, segment, named.classes("classes")));
    }

    private static List<Point2> controlRing(JsonElement element, JsonNode ring, String path, CoordinateSpace space)
            throws InvalidDefinitionException {
        if (!ring.isArray()) {
            throw element.invalid(path, "must be an array of positions, got " + ring.getNodeType());
        }
        List<Point2> points = new ArrayList<>();
        for (int i = 0; i < ring.size(); i++) {
            points.add(controlPoint(element, ring.get(i), path + "[" + i + "]", space));
        }
        // A closing position equal to the first is accepted, as GeoJSON writes rings.
        if (points.size() > 3 && points.get(0).equals(points.get(points.size() - 1))) {
            points.remove(points.size() - 1);
        }
        return points;
    }

    private static Point2 controlPoint(JsonElement element, JsonNode value, String path, CoordinateSpace space)
            throws InvalidDefinitionException {
        if (value.isMissingNode()) {
            throw element.invalid(path, "is missing");
        }
        return space == CoordinateSpace.WGS84 ? wgs84(element, value, path) : element.position(value, path);
    }

    private static CoordinateSpace space(JsonElement element) throws InvalidDefinitionException {
        String value = element.optionalText("coordinates", "pixel");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pixel" -> CoordinateSpace.PIXEL;
            case "wgs84" -> CoordinateSpace.WGS84;
            default -> throw element.invalid("coordinates", "must be \"pixel\" or \"wgs84\", got \"" + value + "\"");
        };
    }

    private static String drone(JsonElement element, String defaultDrone) throws InvalidDefinitionException {
        String drone = element.optionalText("drone", defaultDrone);
        if (drone == null) {
            throw element.invalid("drone", "is missing, and the document has no default \"drone\"");
        }
        return drone;
    }

    private static JsonNode readObject(String json) throws InvalidDefinitionException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalidJson(e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidDefinitionException("document", "", "must be a JSON object");
        }
        return node;
    }

    /**
     * Returns an error with the line and column of a JSON syntax error and Jackson's own
     * description of it, without the input excerpt that Jackson appends to its message.
     */
    private static InvalidDefinitionException invalidJson(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String problem = firstLine(e.getOriginalMessage());
        if (location == null || location.getLineNr() < 1) {
            return new InvalidDefinitionException("Invalid JSON: " + problem, e);
        }
        return new InvalidDefinitionException(location.getLineNr(), location.getColumnNr(), problem, e);
    }

    /** Returns the first line of Jackson's message, with input-source references reduced to line and column. */
    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        line = START_MARKER.matcher(line).replaceAll("(opened at line $1, column $2)");
        return SOURCE.matcher(line).replaceAll("").strip();
    }

    /** Logs the members of a GeoJSON object at {@code path} that this parser does not read. */
    private static void logForeignMembers(JsonElement element, String path, Set<String> read) {
        List<String> unknown = element.unknownKeys(path, read);
        if (!unknown.isEmpty()) {
            LOG.warn("GeoJSON {}: ignoring {} {}; uavstream reads only {}", element.element(),
                    path.isEmpty() ? "members" : "members of \"" + path + "\"", unknown, read);
        }
    }

    private static Set<String> keys(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    private static DefinitionSet definitionSet(JsonElement root, List<ZoneDefinition> zones, List<LineDefinition> lines)
            throws InvalidDefinitionException {
        return build(root, "id", () -> new DefinitionSet(zones, lines));
    }

    /** Runs a constructor and turns its IllegalArgumentException into an error naming the element and field. */
    private static <T> T build(JsonElement element, String field, Builder<T> builder) throws InvalidDefinitionException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw element.invalid(field, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Builder<T> {
        T build() throws InvalidDefinitionException;
    }
}
