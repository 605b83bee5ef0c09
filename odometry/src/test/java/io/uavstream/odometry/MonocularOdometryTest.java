package io.uavstream.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.analytics.geo.Vector3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonocularOdometryTest {

    private static PlanarScene scene;

    @BeforeAll
    static void createScene() {
        scene = new PlanarScene(7);
    }

    @AfterAll
    static void closeScene() {
        scene.close();
    }

    @Test
    void nadirFlightWithTelemetryFollowsTruePose() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        PoseEstimate last = null;
        double maxError = 0;
        for (int frame = 0; frame < 40; frame++) {
            Telemetry telemetry = frame == 0 ? flight.telemetry(frame, true, true) : Telemetry.ofHeight(flight.centre(frame)[2]);
            last = odometry.process(flight.time(frame), render(flight, frame), telemetry);
            maxError = Math.max(maxError, distance(last.position(), flight.centre(frame)));
            assertThat(last.status()).as("status of frame %d", frame).isEqualTo(OdometryStatus.OK);
        }
        assertThat(maxError).isLessThan(0.5);
        assertThat(last.scaleSource()).isEqualTo(ScaleSource.ALTITUDE);
    }

    @Test
    void altitudeOnlyFlightFindsGroundPlaneAndScale() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        PoseEstimate first = null;
        PoseEstimate last = null;
        int firstOk = -1;
        for (int frame = 0; frame < 40; frame++) {
            last = odometry.process(flight.time(frame), render(flight, frame), Telemetry.ofHeight(flight.centre(frame)[2]));
            if (last.status() == OdometryStatus.OK && firstOk < 0) {
                firstOk = frame;
                first = last;
            }
        }
        double[] trueStart = flight.centre(firstOk);
        double[] trueEnd = flight.centre(39);
        double trueDistance = Math.hypot(trueEnd[0] - trueStart[0], trueEnd[1] - trueStart[1]);
        double estimatedDistance = Math.hypot(last.position().x() - first.position().x(),
                last.position().y() - first.position().y());
        assertThat(firstOk).as("first OK frame").isBetween(1, 10);
        assertThat(last.status()).isEqualTo(OdometryStatus.OK);
        assertThat(last.georeferenced()).isFalse();
        assertThat(estimatedDistance).isCloseTo(trueDistance, within(0.02 * trueDistance));
        assertThat(last.position().z()).isCloseTo(trueEnd[2], within(1.0));
    }

    @Test
    void obliqueFlightWithoutTelemetryIsUpToScale() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 30);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        PoseEstimate first = null;
        PoseEstimate last = null;
        int firstOk = -1;
        for (int frame = 0; frame < 40; frame++) {
            last = odometry.process(flight.time(frame), render(flight, frame), Telemetry.NONE);
            if (last.status() == OdometryStatus.OK && firstOk < 0) {
                firstOk = frame;
                first = last;
            }
        }
        double[] trueStart = flight.centre(firstOk);
        double[] trueEnd = flight.centre(39);
        double trueRatio = Math.hypot(trueEnd[0] - trueStart[0], trueEnd[1] - trueStart[1]) / trueEnd[2];
        double estimatedRatio = Math.hypot(last.position().x() - first.position().x(),
                last.position().y() - first.position().y()) / last.position().z();
        assertThat(last.scaleSource()).isEqualTo(ScaleSource.NONE);
        assertThat(last.status()).isEqualTo(OdometryStatus.OK);
        assertThat(estimatedRatio).as("distance flown over height").isCloseTo(trueRatio, within(0.03 * trueRatio));
    }

    @Test
    void blankFramesLoseThenReinitialiseWithinOneSecond() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        GreyImage blank = new GreyImage(640, 480, new byte[640 * 480]);
        List<PoseEstimate> estimates = new ArrayList<>();
        for (int frame = 0; frame < 30; frame++) {
            GreyImage image = frame >= 10 && frame < 15 ? blank : render(flight, frame);
            estimates.add(odometry.process(flight.time(frame), image, flight.telemetry(frame, frame == 0, true)));
        }
        int firstOkAfterBlank = -1;
        for (int frame = 15; frame < 30 && firstOkAfterBlank < 0; frame++) {
            if (estimates.get(frame).status() == OdometryStatus.OK) {
                firstOkAfterBlank = frame;
            }
        }
        assertThat(estimates.get(10).status()).isEqualTo(OdometryStatus.LOST);
        assertThat(estimates.get(14).status()).isEqualTo(OdometryStatus.LOST);
        assertThat(estimates.get(15).status()).isEqualTo(OdometryStatus.REINITIALISING);
        assertThat(estimates.get(15).gapMicros()).isEqualTo(flight.time(15) - flight.time(9));
        assertThat(flight.time(firstOkAfterBlank) - flight.time(15)).as("re-initialisation time").isLessThanOrEqualTo(1_000_000);
    }

    @Test
    void gpsJumpIsRejectedAndPoseStays() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        double maxError = 0;
        int rejected = 0;
        for (int frame = 0; frame < 30; frame++) {
            double[] c = flight.centre(frame);
            Telemetry telemetry = flight.telemetry(frame, frame == 0, true);
            if (frame >= 10 && frame < 20) {
                telemetry = telemetry.withPosition(c[0] + 300, c[1] - 150);
            }
            PoseEstimate estimate = odometry.process(flight.time(frame), render(flight, frame), telemetry);
            rejected += estimate.gpsRejected() ? 1 : 0;
            maxError = Math.max(maxError, distance(estimate.position(), c));
        }
        assertThat(rejected).isEqualTo(10);
        assertThat(maxError).isLessThan(0.5);
    }

    @Test
    void restoredSnapshotContinuesWithoutJump() throws IOException {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry uninterrupted = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        VisualOdometry first = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        VisualOdometry restored = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        PoseEstimate expected = null;
        PoseEstimate actual = null;
        for (int frame = 0; frame < 25; frame++) {
            GreyImage image = render(flight, frame);
            Telemetry telemetry = Telemetry.ofHeight(flight.centre(frame)[2]);
            expected = uninterrupted.process(flight.time(frame), image, telemetry);
            if (frame < 12) {
                first.process(flight.time(frame), image, telemetry);
            } else {
                if (frame == 12) {
                    restored.restore(roundTrip(first.snapshot()));
                }
                actual = restored.process(flight.time(frame), image, telemetry);
            }
        }
        assertThat(actual.status()).isEqualTo(OdometryStatus.OK);
        assertThat(actual.position()).isEqualTo(expected.position());
        assertThat(actual.quaternion()).containsExactly(expected.quaternion());
    }

    @Test
    void frameToFrameHomographyMapsTrackedPixels() {
        SyntheticFlight flight = new SyntheticFlight(80, 10, 0);
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        odometry.process(flight.time(0), render(flight, 0), flight.telemetry(0, true, false));
        PoseEstimate second = odometry.process(flight.time(1), render(flight, 1), Telemetry.ofHeight(80));
        double[] h = second.frameToFrameHomography();
        double[] expected = trueImageMotion(flight, 0, 1, 320, 240);
        double w = h[6] * 319.5 + h[7] * 239.5 + h[8];
        assertThat(h).hasSize(9);
        assertThat((h[0] * 319.5 + h[1] * 239.5 + h[2]) / w).isCloseTo(expected[0] - 0.5, within(0.3));
        assertThat((h[3] * 319.5 + h[4] * 239.5 + h[5]) / w).isCloseTo(expected[1] - 0.5, within(0.3));
    }

    @Test
    void frameOfWrongSizeIsRejected() {
        VisualOdometry odometry = VisualOdometryFactory.create(OdometryConfig.defaults(), SyntheticFlight.CAMERA);
        GreyImage small = new GreyImage(320, 240, new byte[320 * 240]);
        assertThatThrownBy(() -> odometry.process(0, small, Telemetry.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("320x240");
    }

    /** Returns where the pixel (u, v) of frame {@code from} appears in frame {@code to}, through the ground. */
    private static double[] trueImageMotion(SyntheticFlight flight, int from, int to, double u, double v) {
        CameraModel camera = SyntheticFlight.CAMERA;
        WorldPose before = new WorldPose(flight.rotation(from), flight.centre(from));
        double[] ground = before.groundIntersection((u - camera.cx()) / camera.fx(), (v - camera.cy()) / camera.fy());
        double[] r = Rotations.transpose(flight.rotation(to));
        double[] c = flight.centre(to);
        double[] p = Rotations.apply(r, ground[0] - c[0], ground[1] - c[1], -c[2]);
        return new double[] {camera.fx() * p[0] / p[2] + camera.cx(), camera.fy() * p[1] / p[2] + camera.cy()};
    }

    private static OdometrySnapshot roundTrip(OdometrySnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OdometrySnapshotSerializer.write(snapshot, new DataOutputStream(bytes));
        return OdometrySnapshotSerializer.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static GreyImage render(SyntheticFlight flight, int frame) {
        return scene.render(SyntheticFlight.CAMERA, flight.rotation(frame), flight.centre(frame));
    }

    private static double distance(Vector3 a, double[] b) {
        return Math.sqrt((a.x() - b[0]) * (a.x() - b[0]) + (a.y() - b[1]) * (a.y() - b[1]) + (a.z() - b[2]) * (a.z() - b[2]));
    }
}
