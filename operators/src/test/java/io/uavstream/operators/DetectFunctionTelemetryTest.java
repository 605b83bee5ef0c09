package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geo.LocalTangentPlane;
import io.uavstream.analytics.geo.Vector3;
import io.uavstream.models.BgrImage;
import io.uavstream.models.testing.TinyModels;
import io.uavstream.odometry.OdometryConfig;
import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telemetry through {@link DetectFunction}'s visual odometry, on {@link GroundScene}'s nadir flight
 * east at 80 m: georeferenced metric poses, and a GPS that jumps or drops out without moving them.
 */
class DetectFunctionTelemetryTest {

    private static final int FRAMES = 40;
    private static final long SEED = 9;
    private static final long FRAME_MICROS = 100_000;
    /** Ground below the scene's ENU origin: WGS84 latitude, longitude and ellipsoid height. */
    private static final GeodeticPoint GROUND = new GeodeticPoint(47.3769, 8.5417, 408);
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(GROUND);
    /** Nadir camera with image x east and image y south: a half turn about east. */
    private static final CameraAttitude NADIR = new CameraAttitude(0.0, 1.0, 0.0, 0.0);

    @TempDir
    static Path dir;

    private static AnalysisConfig config;
    private static List<BgrFrame> frames;

    private record BgrFrame(long index, BgrImage image) {}

    @BeforeAll
    static void prepare() {
        config = AnalysisConfig.builder()
                .modelPath(TinyModels.yolox(dir).toString())
                .visualOdometry(DroneOdometryRestoreTest.CAMERA, OdometryConfig.defaults())
                .build();
        frames = new ArrayList<>();
        try (GroundScene scene = new GroundScene(SEED)) {
            for (long i = 0; i < FRAMES; i++) {
                frames.add(new BgrFrame(i, scene.render(i)));
            }
        }
    }

    @Test
    void telemetryGivesGeoreferencedMetricPose() throws Exception {
        List<FramePose> poses = run(DetectFunctionTelemetryTest::telemetry);

        FramePose last = poses.get(FRAMES - 1);
        GeodeticPoint firstFix = PLANE.toGeodetic(new Vector3(GroundScene.east(0), 0, 80));
        assertThat(last.getStatus()).isEqualTo(PoseStatus.OK);
        assertThat(last.getScaleSource()).isEqualTo(ScaleSource.ALTITUDE);
        assertThat(last.getOriginLatitudeDegrees()).isCloseTo(firstFix.latitudeDegrees(), within(1e-9));
        assertThat(last.getOriginLongitudeDegrees()).isCloseTo(firstFix.longitudeDegrees(), within(1e-9));
        assertThat(last.getOriginAltitudeMetres()).isCloseTo(GROUND.heightMetres(), within(0.01));
        assertThat(last.getEastMetres()).isCloseTo(GroundScene.east(FRAMES - 1) - GroundScene.east(0), within(1.0));
        assertThat(last.getNorthMetres()).isCloseTo(0, within(1.0));
        assertThat(last.getUpMetres()).isCloseTo(80, within(1.0));
    }

    @Test
    void gpsJumpDoesNotMovePose() throws Exception {
        List<FramePose> clean = run(DetectFunctionTelemetryTest::telemetry);
        List<FramePose> jumping;
        long rejected;
        try (var harness = harness()) {
            harness.open();
            process(harness, 0, FRAMES, frame -> frame >= 20 && frame < 26
                    ? withFix(telemetry(frame), GroundScene.east(frame) + 150, 200)
                    : telemetry(frame));
            jumping = poses(harness);
            rejected = counter(harness, DroneOdometry.GPS_REJECTED);
        }

        assertThat(rejected).as("GPS fixes rejected as jumps").isEqualTo(6);

        for (int i = 20; i < FRAMES; i++) {
            assertThat(jumping.get(i).getEastMetres()).as("east of frame %d", i)
                    .isCloseTo(clean.get(i).getEastMetres(), within(0.5));
            assertThat(jumping.get(i).getNorthMetres()).as("north of frame %d", i)
                    .isCloseTo(clean.get(i).getNorthMetres(), within(0.5));
        }
    }

    @Test
    void gpsDropoutKeepsGeoreferencedPose() throws Exception {
        List<FramePose> poses = run(frame -> frame >= 15
                ? FlightTelemetry.newBuilder(telemetry(frame)).setSensorLatitudeDegrees(null)
                        .setSensorLongitudeDegrees(null).build()
                : telemetry(frame));

        FramePose last = poses.get(FRAMES - 1);
        assertThat(last.getStatus()).isEqualTo(PoseStatus.OK);
        assertThat(last.getOriginLatitudeDegrees()).isNotNull();
        assertThat(last.getEastMetres()).isCloseTo(GroundScene.east(FRAMES - 1) - GroundScene.east(0), within(1.5));
    }

    @Test
    void groundHeightLeavesPoseUnscaled() throws Exception {
        List<FramePose> poses = run(frame -> FlightTelemetry.newBuilder(telemetry(frame))
                .setHeightAboveGroundMetres(0.0).build());

        assertThat(poses).hasSize(FRAMES);
        assertThat(poses.get(0)).as("pose of the first frame").isNotNull();
        assertThat(poses.get(0).getScaleSource()).isEqualTo(ScaleSource.NONE);
    }

    @Test
    void restoreKeepsOrigin() throws Exception {
        OperatorSubtaskState snapshot;
        FramePose beforeRestore;
        try (var harness = harness()) {
            harness.open();
            process(harness, 0, 20, DetectFunctionTelemetryTest::telemetry);
            beforeRestore = poses(harness).get(19);
            snapshot = harness.snapshot(1, 1);
        }

        try (var restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            // The first fix after the restore lies 30 m east of the first one, so a new origin would show.
            process(restored, 20, 30, DetectFunctionTelemetryTest::telemetry);
            FramePose afterRestore = poses(restored).get(0);

            assertThat(afterRestore.getOriginLongitudeDegrees()).isEqualTo(beforeRestore.getOriginLongitudeDegrees());
            assertThat(afterRestore.getEastMetres()).isCloseTo(beforeRestore.getEastMetres() + 1, within(0.5));
        }
    }

    /** Returns the exact telemetry of a frame: fix, heights and nadir attitude. */
    private static FlightTelemetry telemetry(long frame) {
        return withFix(FlightTelemetry.newBuilder()
                .setSampleTimeMicros(Instant.EPOCH.plus(captureMicros(frame), ChronoUnit.MICROS))
                .setHeightAboveGroundMetres(80.0)
                .setCameraAttitude(NADIR)
                .build(), GroundScene.east(frame), 0);
    }

    private static FlightTelemetry withFix(FlightTelemetry telemetry, double east, double north) {
        GeodeticPoint fix = PLANE.toGeodetic(new Vector3(east, north, 80));
        return FlightTelemetry.newBuilder(telemetry)
                .setSensorLatitudeDegrees(fix.latitudeDegrees())
                .setSensorLongitudeDegrees(fix.longitudeDegrees())
                .setSensorEllipsoidHeightMetres(fix.heightMetres())
                .build();
    }

    private static long captureMicros(long frame) {
        return TrackScene.FIRST_CAPTURE_MICROS + frame * FRAME_MICROS;
    }

    private static List<FramePose> run(LongFunction<FlightTelemetry> telemetry) throws Exception {
        try (var harness = harness()) {
            harness.open();
            process(harness, 0, FRAMES, telemetry);
            return poses(harness);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness()
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DetectFunction(config)),
                DecodedVideoFrame::droneId, Types.STRING);
        harness.setup(AnalysedFrameTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    private static void process(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            int first, int end, LongFunction<FlightTelemetry> telemetry) throws Exception {
        for (int i = first; i < end; i++) {
            BgrFrame frame = frames.get(i);
            harness.processElement(new StreamRecord<>(new DecodedVideoFrame("drone-g", "s1", i, i * FRAME_MICROS,
                    captureMicros(i), null, telemetry.apply(i), frame.image())));
        }
    }

    private static long counter(KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness,
            String name) {
        var accumulator = harness.getEnvironment().getAccumulatorRegistry().getUserMap().get(name);
        return accumulator == null ? 0 : ((Number) accumulator.getLocalValue()).longValue();
    }

    private static List<FramePose> poses(
            KeyedOneInputStreamOperatorTestHarness<String, DecodedVideoFrame, AnalysedFrame> harness) {
        return harness.extractOutputValues().stream().map(frame -> frame.detections().getPose()).toList();
    }
}
