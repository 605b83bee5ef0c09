package io.uavstream.analytics.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.uavstream.analytics.geometry.Point2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    private static final String CONTROL = """
            {
              "drone": "drone-7",
              "zones": [
                {"id": "gate", "name": "Gate", "polygon": [[0, 0], [100, 0], [100, 50], [0, 50]],
                 "classes": ["person"]},
                {"id": "yard", "coordinates": "wgs84", "drone": "drone-8",
                 "polygon": [[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.0]]}
              ],
              "lines": [
                {"id": "road", "from": [0, 300], "to": [640, 300]}
              ]
            }
            """;

    private static String feature(String id, String drone, String geometry) {
        return """
                {"type": "Feature", "properties": {"id": %s, "drone": %s, "name": "n", "classes": ["car"]},
                 "geometry": %s}
                """.formatted(id, drone, geometry);
    }

    private static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
    }

    private static final String SQUARE = """
            {"type": "Polygon", "coordinates": [[[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.001], [10.0, 45.0]]]}
            """;

    @Test
    void controlMessageReadsZonesAndLines() throws InvalidDefinitionException {
        DefinitionSet set = DefinitionParser.parseControl(CONTROL);

        assertThat(set.zones()).extracting(ZoneDefinition::id).containsExactly("gate", "yard");
        assertThat(set.zones().get(0).droneId()).isEqualTo("drone-7");
        assertThat(set.zones().get(0).classes()).isEqualTo(Set.of("person"));
        assertThat(set.zones().get(1).space()).isEqualTo(CoordinateSpace.WGS84);
        assertThat(set.zones().get(1).droneId()).isEqualTo("drone-8");
        assertThat(set.lines().get(0).segment().end()).isEqualTo(new Point2(640, 300));
        assertThat(set.forDrone("drone-7").zones()).hasSize(1);
    }

    @Test
    void closedControlRingDropsRepeat() throws InvalidDefinitionException {
        DefinitionSet set = DefinitionParser.parseControl(CONTROL);

        assertThat(set.zones().get(1).polygon().exterior()).hasSize(3);
    }

    @Test
    void geoJsonReadsPolygonAndLine() throws InvalidDefinitionException {
        String line = """
                {"type": "LineString", "coordinates": [[10.0, 45.0], [10.001, 45.0]]}
                """;
        DefinitionSet set = DefinitionParser.parseGeoJson(
                collection(feature("\"yard\"", "\"d1\"", SQUARE), feature("\"fence\"", "\"d1\"", line)));

        assertThat(set.zones()).singleElement().satisfies(zone -> {
            assertThat(zone.id()).isEqualTo("yard");
            assertThat(zone.space()).isEqualTo(CoordinateSpace.WGS84);
            assertThat(zone.polygon().exterior()).hasSize(4);
            assertThat(zone.classes()).containsExactly("car");
        });
        assertThat(set.lines()).extracting(LineDefinition::id).containsExactly("fence");
    }

    @Test
    void missingDroneNamesFeatureAndField() {
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"yard\"", "null", SQUARE))));

        assertThat(error.element()).isEqualTo("features[0] (id \"yard\")");
        assertThat(error.field()).isEqualTo("properties.drone");
        assertThat(error).hasMessage("features[0] (id \"yard\"), field \"properties.drone\": is missing");
    }

    @Test
    void missingIdNamesFeatureIndex() {
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"a\"", "\"d1\"", SQUARE), feature("7", "\"d1\"", SQUARE))));

        assertThat(error.element()).isEqualTo("features[1]");
        assertThat(error.field()).isEqualTo("properties.id");
    }

    @Test
    void openRingIsRejected() {
        String open = """
                {"type": "Polygon", "coordinates": [[[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.001]]]}
                """;
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"yard\"", "\"d1\"", open))));

        assertThat(error.field()).isEqualTo("geometry.coordinates[0]");
        assertThat(error).hasMessageContaining("must end with its first position");
    }

    @Test
    void latitudeOutOfRangeNamesPosition() {
        String far = """
                {"type": "Polygon", "coordinates": [[[10.0, 45.0], [10.001, 95.0], [10.001, 45.001], [10.0, 45.0]]]}
                """;
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"yard\"", "\"d1\"", far))));

        assertThat(error.field()).isEqualTo("geometry.coordinates[0][1]");
        assertThat(error).hasMessageContaining("latitude 95.0 is outside [-90, 90]");
    }

    @Test
    void unsupportedGeometryIsRejected() {
        String point = "{\"type\": \"Point\", \"coordinates\": [10.0, 45.0]}";
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"p\"", "\"d1\"", point))));

        assertThat(error.field()).isEqualTo("geometry.type");
        assertThat(error).hasMessageContaining("got \"Point\"");
    }

    @Test
    void polylineWithThreePositionsIsRejected() {
        String polyline = "{\"type\": \"LineString\", \"coordinates\": [[10.0, 45.0], [10.1, 45.0], [10.2, 45.0]]}";
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"l\"", "\"d1\"", polyline))));

        assertThat(error).hasMessageContaining("exactly 2 positions, got 3");
    }

    @Test
    void duplicateZoneIdIsRejected() {
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson(collection(feature("\"a\"", "\"d1\"", SQUARE), feature("\"a\"", "\"d2\"", SQUARE))));

        assertThat(error).hasMessageContaining("Duplicate zone ID \"a\"");
    }

    @Test
    void invalidJsonIsReported() {
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseGeoJson("{\"type\": "));

        assertThat(error).hasMessageStartingWith("Invalid JSON");
    }

    @Test
    void controlZoneWithoutDroneIsRejected() {
        String json = "{\"zones\": [{\"id\": \"z\", \"polygon\": [[0, 0], [1, 0], [1, 1]]}]}";
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseControl(json));

        assertThat(error.element()).isEqualTo("zones[0] (id \"z\")");
        assertThat(error.field()).isEqualTo("drone");
    }

    @Test
    void controlDegeneratePolygonNamesField() {
        String json = "{\"drone\": \"d\", \"zones\": [{\"id\": \"z\", \"polygon\": [[0, 0], [1, 1], [2, 2]]}]}";
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseControl(json));

        assertThat(error.field()).isEqualTo("polygon");
        assertThat(error).hasMessageContaining("zero area");
    }

    @Test
    void controlUnknownCoordinatesIsRejected() {
        String json = "{\"drone\": \"d\", \"lines\": [{\"id\": \"l\", \"coordinates\": \"utm\", \"from\": [0, 0], \"to\": [1, 0]}]}";
        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseControl(json));

        assertThat(error.element()).isEqualTo("lines[0] (id \"l\")");
        assertThat(error.field()).isEqualTo("coordinates");
    }

    @Test
    void definitionSetIsJavaSerializable() throws Exception {
        DefinitionSet set = DefinitionParser.parseControl(CONTROL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(set);
        }

        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(set);
    }

    @Test
    void parseReadsGeoJsonByType() throws InvalidDefinitionException {
        String geometry = "{\"type\": \"Polygon\", \"coordinates\": [[[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.0]]]}";

        DefinitionSet set = DefinitionParser.parse(collection(feature("\"yard\"", "\"drone-8\"", geometry)), "drone-1");

        assertThat(set.zones()).hasSize(1);
        assertThat(set.zones().get(0).droneId()).isEqualTo("drone-8");
        assertThat(set.zones().get(0).space()).isEqualTo(CoordinateSpace.WGS84);
    }

    @Test
    void parseGivesFallbackDroneToControl() throws InvalidDefinitionException {
        String control = "{\"lines\": [{\"id\": \"road\", \"from\": [0, 300], \"to\": [640, 300]}]}";

        DefinitionSet set = DefinitionParser.parse(control, "drone-3");

        assertThat(set.lines()).hasSize(1);
        assertThat(set.lines().get(0).droneId()).isEqualTo("drone-3");
    }

    @Test
    void parseKeepsDocumentDefaultDrone() throws InvalidDefinitionException {
        DefinitionSet set = DefinitionParser.parse(CONTROL, "drone-3");

        assertThat(set.zones().get(0).droneId()).isEqualTo("drone-7");
        assertThat(set.zones().get(1).droneId()).isEqualTo("drone-8");
    }

    @Test
    void singleFeatureBecomesZone() throws InvalidDefinitionException {
        String geometry = "{\"type\": \"Polygon\", \"coordinates\": [[[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.0]]]}";

        DefinitionSet set = DefinitionParser.parseGeoJson(feature("\"yard\"", "\"drone-8\"", geometry));

        assertThat(set.zones()).extracting(ZoneDefinition::id).containsExactly("yard");
    }

    @Test
    void controlRejectsUnknownDocumentKey() {
        String control = "{\"drone\": \"d1\", \"lnes\": [{\"id\": \"road\", \"from\": [0, 1], \"to\": [5, 1]}]}";

        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parseControl(control));

        assertThat(error.field()).isEqualTo("lnes");
        assertThat(error.element()).isEqualTo("document");
        assertThat(error).hasMessageContaining("accepted keys are drone, zones, lines");
    }

    @Test
    void controlRejectsUnknownZoneKey() {
        String control = "{\"zones\": [{\"id\": \"gate\", \"polygon\": [[0, 0], [9, 0], [9, 9]], \"clases\": [\"car\"]}]}";

        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parse(control, "d1"));

        assertThat(error.field()).isEqualTo("clases");
        assertThat(error.element()).isEqualTo("zones[0] (id \"gate\")");
        assertThat(error).hasMessageContaining("polygon, holes, classes");
    }

    @Test
    void controlRejectsUnknownLineKey() {
        String control = "{\"lines\": [{\"id\": \"road\", \"from\": [0, 1], \"too\": [5, 1]}]}";

        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parse(control, "d1"));

        assertThat(error.field()).isEqualTo("too");
    }

    @Test
    void geoJsonToleratesForeignMembers() throws InvalidDefinitionException {
        String geometry = "{\"type\": \"Polygon\", \"bbox\": [10.0, 45.0, 10.001, 45.001],"
                + " \"coordinates\": [[[10.0, 45.0], [10.001, 45.0], [10.001, 45.001], [10.0, 45.0]]]}";
        String feature = "{\"type\": \"Feature\", \"id\": 7, \"title\": \"x\", \"geometry\": " + geometry
                + ", \"properties\": {\"id\": \"yard\", \"drone\": \"d8\", \"fid\": 3, \"colour\": \"red\"}}";
        String document = "{\"type\": \"FeatureCollection\", \"name\": \"layer\", \"features\": [" + feature + "]}";

        DefinitionSet set = DefinitionParser.parse(document, "d1");

        assertThat(set.zones()).extracting(ZoneDefinition::id).containsExactly("yard");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = "{\n  \"zones\": [\n    {\"id\": \"gate\" \"polygon\": []}\n  ]\n}";

        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parse(json, "d1"));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isBetween(19, 20);
        assertThat(error.getMessage()).doesNotContain("Source");
        assertThat(error.getMessage()).doesNotContain("\n");
        assertThat(error).hasMessageStartingWith("Invalid JSON at line 3, column ");
    }

    @Test
    void truncatedJsonHidesJacksonSource() {
        String json = "{\"zones\": [{\"id\": \"gate\"";

        InvalidDefinitionException error = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionParser.parse(json, "d1"));

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.getMessage()).doesNotContain("Source");
        assertThat(error.getMessage()).doesNotContain("StreamReadFeature");
        assertThat(error).hasMessageContaining("(opened at line 1, column 12)");
    }
}
