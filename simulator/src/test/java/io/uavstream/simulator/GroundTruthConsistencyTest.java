package io.uavstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.render.RenderedFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flies two drones over busy roads and checks every ground-truth box against the pixels the renderer drew. */
class GroundTruthConsistencyTest {

    @TempDir
    static Path dir;

    /** Per checked box: {left, top, right, bottom} of the box, then of the owned pixels, then visibility. */
    private static final List<double[]> CHECKS = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, List<String>> OBSERVED_LINES = Collections.synchronizedMap(new HashMap<>());
    private static SimulationSummary summary;

    @BeforeAll
    static void fly() {
        SimulationConfig config = SimulationConfig.builder()
                .drones(2).durationSeconds(3).fps(10).seed(3).sceneSizeMetres(1024).trafficDensity(2.5)
                .altitudeRange(40, 70).offNadirRange(15, 40)
                .patterns(List.of(FlightPattern.ORBIT, FlightPattern.HOVER))
                .threads(2).build();
        summary = new FleetSimulation(config).runToDirectory(dir, SimulationProgressListener.NONE,
                GroundTruthConsistencyTest::check);
    }

    private static void check(DronePlan plan, int frameNumber, io.uavstream.simulator.flight.DroneState state,
            io.uavstream.simulator.camera.Camera camera, RenderedFrame frame, List<MotRecord> truth) {
        Map<Integer, int[]> owned = new HashMap<>();
        for (int v = 0; v < frame.height(); v++) {
            for (int u = 0; u < frame.width(); u++) {
                int id = frame.objectIdAt(u, v);
                if (id > 0) {
                    int[] box = owned.computeIfAbsent(id, k -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1});
                    box[0] = Math.min(box[0], u);
                    box[1] = Math.min(box[1], v);
                    box[2] = Math.max(box[2], u + 1);
                    box[3] = Math.max(box[3], v + 1);
                }
            }
        }
        for (MotRecord record : truth) {
            int[] pixels = owned.get(record.trackId());
            double[] check = {record.left(), record.top(), record.left() + record.width(), record.top() + record.height(),
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, record.visibility()};
            if (pixels != null) {
                check[4] = pixels[0];
                check[5] = pixels[1];
                check[6] = pixels[2];
                check[7] = pixels[3];
            }
            CHECKS.add(check);
            OBSERVED_LINES.computeIfAbsent(plan.droneId(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(record.toLine());
        }
    }

    @Test
    void fullyVisibleBoxesMatchDrawnPixels() {
        int matched = 0;
        for (double[] check : CHECKS) {
            boolean insideFrame = check[0] > 0 && check[1] > 0 && check[2] < 640 && check[3] < 480;
            if (check[8] < 1 || !insideFrame) {
                continue;
            }
            for (int edge = 0; edge < 4; edge++) {
                assertThat(Math.abs(check[edge] - check[edge + 4]))
                        .as("edge %d of box %s", edge, java.util.Arrays.toString(check))
                        .isLessThanOrEqualTo(1.0);
            }
            matched++;
        }
        assertThat(matched).as("fully visible boxes checked").isGreaterThan(50);
    }

    @Test
    void visiblePixelsLieInsideTheirBox() {
        for (double[] check : CHECKS) {
            if (Double.isNaN(check[4])) {
                continue;
            }
            assertThat(check[4]).as("left of %s", java.util.Arrays.toString(check)).isGreaterThanOrEqualTo(check[0] - 1);
            assertThat(check[5]).as("top of %s", java.util.Arrays.toString(check)).isGreaterThanOrEqualTo(check[1] - 1);
            assertThat(check[6]).as("right of %s", java.util.Arrays.toString(check)).isLessThanOrEqualTo(check[2] + 1);
            assertThat(check[7]).as("bottom of %s", java.util.Arrays.toString(check)).isLessThanOrEqualTo(check[3] + 1);
        }
    }

    @Test
    void hiddenBoxesHaveNoDrawnPixels() {
        for (double[] check : CHECKS) {
            if (check[8] == 0) {
                assertThat(check[4]).as("pixels of hidden box %s", java.util.Arrays.toString(check)).isNaN();
            } else {
                assertThat(check[4]).as("pixels of visible box %s", java.util.Arrays.toString(check)).isNotNaN();
            }
        }
    }

    @Test
    void groundTruthFileHoldsObservedBoxes() throws Exception {
        for (DroneSummary drone : summary.drones()) {
            List<String> written = Files.readAllLines(drone.directory().resolve(FleetSimulation.GROUND_TRUTH_FILE));
            assertThat(written).as("gt.txt of %s", drone.droneId()).isEqualTo(OBSERVED_LINES.get(drone.droneId()));
        }
    }
}
