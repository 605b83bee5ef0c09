package io.uavstream.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    /** Two tracks over two frames, in MOTChallenge layout. */
    private static final String TRACKS = """
            1,1,10,10,20,20,1,1,1
            1,2,50,50,20,20,1,1,1
            2,1,12,10,20,20,1,1,1
            2,2,52,50,20,20,1,1,1
            """;

    @TempDir
    Path temp;

    @Test
    void motOfGroundTruthAgainstItselfIsPerfect() throws Exception {
        Path gt = Files.writeString(temp.resolve("flight.txt"), TRACKS);
        Path json = temp.resolve("result.json");

        int exitCode = new CommandLine(new EvalCommand())
                .execute("mot", "--gt", gt.toString(), "--pred", gt.toString(), "--json", json.toString());

        assertThat(exitCode).isZero();
        JsonNode combined = combinedRow(json);
        assertThat(combined.get("MOTA").asDouble()).isEqualTo(1.0);
        assertThat(combined.get("IDF1").asDouble()).isEqualTo(1.0);
        assertThat(combined.get("HOTA").asDouble()).isEqualTo(1.0);
    }

    @Test
    void motMatchesSequencesInDirectories() throws Exception {
        Path gt = Files.createDirectories(temp.resolve("gt/drone-1"));
        Files.writeString(gt.resolve("gt.txt"), TRACKS);
        Path pred = Files.createDirectories(temp.resolve("pred"));
        // The prediction swaps the identities in frame 2: two ID switches out of four matches.
        Files.writeString(pred.resolve("drone-1.txt"), TRACKS.replace("2,1,12", "2,9,12").replace("2,2,52", "2,1,52"));
        Path json = temp.resolve("result.json");

        int exitCode = new CommandLine(new EvalCommand()).execute(
                "mot", "--gt", temp.resolve("gt").toString(), "--pred", pred.toString(), "--json", json.toString());

        assertThat(exitCode).isZero();
        JsonNode combined = combinedRow(json);
        assertThat(combined.get("IDSW").asInt()).isEqualTo(2);
        assertThat(combined.get("MOTA").asDouble()).isEqualTo(0.5);
    }

    @Test
    void missingPredictionsFailClearly() throws Exception {
        Path gt = Files.writeString(temp.resolve("flight.txt"), TRACKS);
        CommandLine commandLine = new CommandLine(new EvalCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setErr(new java.io.PrintWriter(err, true));

        int exitCode = commandLine.execute("mot", "--gt", gt.toString(), "--pred", temp.resolve("absent").toString());

        assertThat(exitCode).isNotZero();
        assertThat(err.toString()).contains("--pred path not found").contains("absent");
    }

    private static JsonNode combinedRow(Path json) throws Exception {
        for (JsonNode row : new ObjectMapper().readTree(json.toFile()).get("rows")) {
            if (row.get("sequence").asText().equals("COMBINED")) {
                return row;
            }
        }
        throw new AssertionError("No COMBINED row in " + json);
    }
}
