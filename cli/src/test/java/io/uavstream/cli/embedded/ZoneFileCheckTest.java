package io.uavstream.cli.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneFileCheckTest {

    private static final ZoneFileCheck CHECK =
            new ZoneFileCheck("uavdet-416", List.of("person", "car"), List.of("drone-1", "drone-2"));

    private static DefinitionSet parse(String json) throws InvalidDefinitionException {
        return DefinitionParser.parse(json, "drone-1");
    }

    @Test
    void matchingZonesHaveNoProblems() throws InvalidDefinitionException {
        DefinitionSet definitions = parse("{\"zones\": [{\"id\": \"gate\", \"classes\": [\"person\"],"
                + " \"polygon\": [[0, 0], [9, 0], [9, 9]]}], \"lines\": [{\"id\": \"road\", \"drone\": \"drone-2\","
                + " \"from\": [0, 1], \"to\": [5, 1]}]}");

        assertThat(CHECK.problems(definitions)).isEmpty();
    }

    @Test
    void misspelledClassIsReported() throws InvalidDefinitionException {
        DefinitionSet definitions = parse("{\"zones\": [{\"id\": \"gate\", \"classes\": [\"persn\", \"car\"],"
                + " \"polygon\": [[0, 0], [9, 0], [9, 9]]}]}");

        List<String> problems = CHECK.problems(definitions);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("Zone \"gate\"");
        assertThat(problems.get(0)).contains("class \"persn\"");
        assertThat(problems.get(0)).contains("model uavdet-416");
        assertThat(problems.get(0)).endsWith("its classes are person, car");
    }

    @Test
    void droneOutsideRunIsReported() throws InvalidDefinitionException {
        DefinitionSet definitions = parse("{\"lines\": [{\"id\": \"road\", \"drone\": \"drone-9\","
                + " \"from\": [0, 1], \"to\": [5, 1]}]}");

        List<String> problems = CHECK.problems(definitions);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("Line \"road\"");
        assertThat(problems.get(0)).contains("drone \"drone-9\"");
        assertThat(problems.get(0)).endsWith("the run's drones are drone-1, drone-2");
    }

    @Test
    void eachProblemGetsOneLine() throws InvalidDefinitionException {
        DefinitionSet definitions = parse("{\"zones\": [{\"id\": \"gate\", \"drone\": \"drone-9\","
                + " \"classes\": [\"persn\", \"truk\"], \"polygon\": [[0, 0], [9, 0], [9, 9]]}]}");

        List<String> problems = CHECK.problems(definitions);

        assertThat(problems).hasSize(3);
        assertThat(problems).noneMatch(problem -> problem.contains("\n"));
    }
}
