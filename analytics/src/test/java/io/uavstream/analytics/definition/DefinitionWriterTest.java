package io.uavstream.analytics.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefinitionWriterTest {

    private static final String CONTROL = """
            {
              "drone": "drone-7",
              "zones": [
                {"id": "gate", "name": "Gate", "polygon": [[0, 0], [100, 0], [100, 50], [0, 50]],
                 "holes": [[[40, 10], [60, 10], [60, 30]]], "classes": ["person", "bicycle"]},
                {"id": "yard", "coordinates": "wgs84", "drone": "drone-8",
                 "polygon": [[10.0, 45.0], [10.001, 45.0], [10.001, 45.001]]}
              ],
              "lines": [{"id": "road", "from": [0, 300.5], "to": [640, 300], "classes": ["car"]}]
            }
            """;

    @Test
    void controlJsonParsesToEqualDefinitions() throws InvalidDefinitionException {
        DefinitionSet definitions = DefinitionParser.parseControl(CONTROL);

        DefinitionSet parsedBack = DefinitionParser.parseControl(DefinitionWriter.toControlJson(definitions));

        assertThat(parsedBack).isEqualTo(definitions);
    }

    @Test
    void controlJsonOfOneDroneNamesIt() throws InvalidDefinitionException {
        DefinitionSet drone8 = DefinitionParser.parseControl(CONTROL).forDrone("drone-8");

        DefinitionSet parsedBack = DefinitionParser.parse(DefinitionWriter.toControlJson(drone8), "drone-1");

        assertThat(parsedBack.zones()).extracting(ZoneDefinition::droneId).containsExactly("drone-8");
        assertThat(parsedBack.zones()).extracting(ZoneDefinition::space).containsExactly(CoordinateSpace.WGS84);
        assertThat(parsedBack.lines()).isEmpty();
    }
}
