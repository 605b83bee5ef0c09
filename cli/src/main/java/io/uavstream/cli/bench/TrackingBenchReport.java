package io.uavstream.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.uavstream.evaluation.mot.MotConfig;
import io.uavstream.evaluation.mot.MotResult;
import io.uavstream.evaluation.mot.MotRow;
import io.uavstream.tracking.TrackerConfig;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Results of {@code uavstream bench tracking} on one flights directory: per drone and combined,
 * the tracking metrics without and with camera-motion compensation (CMC), side by side, under the
 * chosen scoring and with every ground-truth box scored.
 */
final class TrackingBenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Description of a drone's flight, shown beside its metrics.
     *
     * @param droneId sequence name
     * @param pattern flight pattern
     * @param altitudeMetres flight height above the ground
     * @param offNadirDegrees camera angle from nadir
     * @param rotationDegreesPerSecond mean rotation rate of the camera
     * @param imageMotionPixels mean ground motion in the image, pixels per frame
     */
    record Flight(String droneId, String pattern, double altitudeMetres, double offNadirDegrees,
            double rotationDegreesPerSecond, double imageMotionPixels) {}

    /**
     * Both runs scored one way.
     *
     * @param scoring the evaluation settings
     * @param without the run without CMC
     * @param with the run with CMC
     */
    record Scores(MotConfig scoring, MotResult without, MotResult with) {}

    private final long seed;
    private final TrackerConfig config;
    private final String coastTime;
    private final List<Flight> flights;
    private final Scores main;
    private final Scores strict;

    /**
     * @param config the tracker config of the CMC run; the other run differs only in CMC
     * @param coastTime how long a lost track is still reported, as text
     * @param main the scores under the chosen scoring
     * @param strict the scores with every ground-truth box scored
     */
    TrackingBenchReport(long seed, TrackerConfig config, String coastTime, List<Flight> flights, Scores main,
            Scores strict) {
        this.seed = seed;
        this.config = config;
        this.coastTime = coastTime;
        this.flights = List.copyOf(flights);
        this.main = main;
        this.strict = strict;
    }

    long seed() {
        return seed;
    }

    /** Returns the combined row of the CMC run under the chosen scoring. */
    MotRow combinedWith() {
        return main.with().combined();
    }

    /** Returns the combined row of the run without CMC under the chosen scoring. */
    MotRow combinedWithout() {
        return main.without().combined();
    }

    /** Returns the row of one drone of the CMC run under the chosen scoring. */
    MotRow with(String droneId) {
        return main.with().row(droneId);
    }

    /** Returns the Markdown table: one line per drone, then COMBINED; each metric as without / with CMC. */
    String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| drone | pattern | altitude | off-nadir | rotation | motion | GT boxes | MOTA | IDF1 | HOTA"
                + " | ID switches |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Flight flight : flights) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %.0f m | %.0f° | %.1f°/s | %.1f px | ",
                    flight.droneId(), flight.pattern(), flight.altitudeMetres(), flight.offNadirDegrees(),
                    flight.rotationDegreesPerSecond(), flight.imageMotionPixels()));
            appendMetrics(table, main.without().row(flight.droneId()), main.with().row(flight.droneId()));
        }
        table.append("| **COMBINED** | | | | | | ");
        appendMetrics(table, combinedWithout(), combinedWith());
        table.append("| COMBINED, every box scored | | | | | | ");
        appendMetrics(table, strict.without().combined(), strict.with().combined());
        return table.toString();
    }

    /** Returns the block that {@code --doc} writes: seed, command, machine, table and tracker config. */
    String markdownSection(String command, String machine) {
        return "### Seed " + seed + "\n\n"
                + "```\n" + command + "\n```\n\n"
                + "Machine: " + machine + ". Each cell is without CMC / with CMC. Rotation is the camera's"
                + " mean rotation rate, and motion the mean ground motion in the image per frame. Ground truth"
                + " less than "
                + format(main.scoring().minVisibility()) + " visible is an ignore region, except in the last"
                + " row; IoU threshold " + format(main.scoring().iouThreshold()) + ".\n\n"
                + markdownTable()
                + "\nTracker config of the CMC run (the other run differs only in `cameraMotionCompensation`);"
                + " lost tracks are reported for " + coastTime + " after their last match:\n\n```\n" + config
                + "\n```\n";
    }

    /** Returns the JSON document: seed, config, flights and the four evaluations in evaluation's layout. */
    String toJson() {
        ObjectNode document = JSON.createObjectNode();
        document.put("benchmark", "tracking");
        document.put("seed", seed);
        document.put("trackerConfig", config.toString());
        document.put("coastTime", coastTime);
        ArrayNode flightArray = document.putArray("flights");
        for (Flight flight : flights) {
            flightArray.add(JSON.valueToTree(flight));
        }
        try {
            document.set("scored", scoresJson(main));
            document.set("everyBoxScored", scoresJson(strict));
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Failed to write the tracking benchmark as JSON", e);
        }
    }

    private static ObjectNode scoresJson(Scores scores) throws JsonProcessingException {
        ObjectNode node = JSON.createObjectNode();
        node.set("withoutCameraMotionCompensation", JSON.readTree(scores.without().toJson()));
        node.set("withCameraMotionCompensation", JSON.readTree(scores.with().toJson()));
        return node;
    }

    private static void appendMetrics(StringBuilder table, MotRow without, MotRow with) {
        table.append(String.format(Locale.ROOT, "%,d | %s | %s | %s | %d / %d |%n", with.clearMot().gtBoxes(),
                pair(without.clearMot().mota(), with.clearMot().mota()),
                pair(without.identity().idf1(), with.identity().idf1()),
                pair(without.hota().hota(), with.hota().hota()),
                without.clearMot().idSwitches(), with.clearMot().idSwitches()));
    }

    private static String pair(double without, double with) {
        return String.format(Locale.ROOT, "%.3f / %.3f", without, with);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
