package io.uavstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.output.TelemetryWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A one-drone run writes every documented file with the documented layout. */
class OutputFormatTest {

    private static final int FRAMES = 8;

    @TempDir
    static Path dir;

    private static Path drone;

    @BeforeAll
    static void fly() {
        SimulationConfig config = SimulationConfig.builder()
                .drones(1).durationSeconds(2).fps(4).frameSize(320, 240).seed(21).sceneSizeMetres(512)
                .patterns(List.of(FlightPattern.ORBIT)).offNadirRange(20, 30).trafficDensity(3).build();
        drone = new FleetSimulation(config).runToDirectory(dir).drones().get(0).directory();
    }

    @Test
    void videoHoldsEveryFrame() throws Exception {
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(drone.resolve(FleetSimulation.VIDEO_FILE).toFile())) {
            grabber.start();
            assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
            assertThat(grabber.getImageWidth()).isEqualTo(320);
            assertThat(grabber.getFormat()).isEqualTo("mpegts");
            while (grabber.grabImage() != null) {
                frames++;
            }
            grabber.stop();
        }
        assertThat(frames).isEqualTo(FRAMES);
    }

    @Test
    void telemetryHasHeaderAndOneRowPerFrame() throws Exception {
        List<String> lines = Files.readAllLines(drone.resolve(FleetSimulation.TELEMETRY_FILE));

        assertThat(lines.get(0)).isEqualTo(TelemetryWriter.HEADER);
        assertThat(lines).hasSize(FRAMES + 1);
        String[] second = lines.get(2).split(",", -1);
        assertThat(second).hasSameSizeAs(TelemetryWriter.HEADER.split(","));
        assertThat(second[0]).isEqualTo("2");
        assertThat(second[1]).isEqualTo("0.250000");
        assertThat(second[3]).isEqualTo("2025-06-21T10:00:00.250000Z");
    }

    @Test
    void posesAreUnitQuaternionsPerFrame() throws Exception {
        List<String> lines = Files.readAllLines(drone.resolve(FleetSimulation.POSES_FILE));

        assertThat(lines.get(0)).startsWith("# timestamp tx ty tz qx qy qz qw");
        assertThat(lines).hasSize(FRAMES + 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(" ");
            double norm = 0;
            for (int k = 4; k < 8; k++) {
                norm += Double.parseDouble(fields[k]) * Double.parseDouble(fields[k]);
            }
            assertThat(fields).hasSize(8);
            assertThat(Math.sqrt(norm)).as("quaternion norm in '%s'", line).isBetween(1 - 1e-8, 1 + 1e-8);
        }
    }

    @Test
    void groundTruthAndObjectsAgree() throws Exception {
        List<String> gt = Files.readAllLines(drone.resolve(FleetSimulation.GROUND_TRUTH_FILE));
        List<String> objects = Files.readAllLines(drone.resolve(FleetSimulation.OBJECTS_FILE));

        assertThat(gt).isNotEmpty();
        assertThat(objects).hasSize(gt.size() + 1);
        for (int k = 0; k < gt.size(); k++) {
            MotRecord record = MotRecord.parse(gt.get(k));
            String[] object = objects.get(k + 1).split(",");
            assertThat(record.frame()).isBetween(1, FRAMES);
            assertThat(record.confidence()).isEqualTo(1);
            assertThat(Integer.parseInt(object[0])).isEqualTo(record.frame());
            assertThat(Integer.parseInt(object[1])).isEqualTo(record.trackId());
            assertThat(Integer.parseInt(object[3])).isEqualTo(record.categoryId());
            assertThat(record.left() + record.width()).isLessThanOrEqualTo(320);
        }
    }

    @Test
    void intrinsicsDescribeTheCamera() throws Exception {
        JsonNode json = new ObjectMapper().readTree(drone.resolve(FleetSimulation.INTRINSICS_FILE).toFile());

        assertThat(json.get("width").asInt()).isEqualTo(320);
        assertThat(json.get("cx").asDouble()).isEqualTo(160);
        assertThat(json.get("opencvCameraMatrix").get(0).get(2).asDouble()).isEqualTo(159.5);
        assertThat(json.get("fx").asDouble()).isCloseTo(160 / Math.tan(Math.toRadians(35)), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void runDescriptionFilesExist() {
        assertThat(dir.resolve("scene.json")).isRegularFile();
        assertThat(dir.resolve("control_points.csv")).isRegularFile();
        assertThat(drone.resolve("flight.json")).isRegularFile();
        assertThat(drone.resolve("seqinfo.ini")).content().contains("seqLength=" + FRAMES, "imWidth=320");
    }

    @Test
    void motRecordRoundTrips() {
        MotRecord record = new MotRecord(12, 7, 10.25, 20.5, 30, 40.75, 1, 4, 0.625);

        assertThat(MotRecord.parse(record.toLine())).isEqualTo(record);
        assertThat(record.toLine()).isEqualTo("12,7,10.25,20.50,30.00,40.75,1,4,0.625");
    }
}
