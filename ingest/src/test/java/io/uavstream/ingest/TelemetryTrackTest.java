package io.uavstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryTrackTest {

    private static final String HEADER = "frame,time_s,pts_us,latitude_deg,longitude_deg,altitude_wgs84_m,height_agl_m,"
            + "platform_heading_deg,platform_pitch_deg,platform_roll_deg,gimbal_heading_deg,gimbal_pitch_deg,gimbal_roll_deg";

    @TempDir
    Path dir;

    @Test
    void csvRowsBecomeSamples() throws IOException {
        TelemetryTrack track = TelemetryTrack.readCsv(write(HEADER,
                "1,0.000000,0,47.5,8.5,488.0,80.0,90.0,-2.0,1.0,0.0,-90.0,0.0",
                "2,0.100000,100000,47.6,8.6,489.0,81.0,91.0,-2.5,1.5,0.0,-90.0,0.0"));

        FlightTelemetry sample = track.at(1_000_000, 1_100_000);

        assertThat(track.size()).isEqualTo(2);
        assertThat(sample.getSensorLatitudeDegrees()).isEqualTo(47.6);
        assertThat(sample.getSensorLongitudeDegrees()).isEqualTo(8.6);
        assertThat(sample.getSensorEllipsoidHeightMetres()).isEqualTo(489.0);
        assertThat(sample.getHeightAboveGroundMetres()).isEqualTo(81.0);
        assertThat(sample.getPlatformHeadingDegrees()).isEqualTo(91.0);
        assertThat(sample.getPlatformPitchDegrees()).isEqualTo(-2.5);
        assertThat(sample.getPlatformRollDegrees()).isEqualTo(1.5);
        assertThat(sample.getSampleTimeMicros()).isEqualTo(Instant.EPOCH.plus(1_100_000, ChronoUnit.MICROS));
    }

    @Test
    void lookupTakesLatestSampleAtOrBefore() throws IOException {
        TelemetryTrack track = TelemetryTrack.readCsv(write("time_s,height_agl_m", "0.0,10", "0.2,20", "0.4,30"));

        assertThat(track.at(0, -50_000)).isNull();
        assertThat(track.at(0, 0).getHeightAboveGroundMetres()).isEqualTo(10.0);
        assertThat(track.at(0, 199_999).getHeightAboveGroundMetres()).isEqualTo(20.0);
        assertThat(track.at(0, 300_000).getHeightAboveGroundMetres()).isEqualTo(20.0);
        assertThat(track.at(0, 5_000_000).getHeightAboveGroundMetres()).isEqualTo(30.0);
    }

    @Test
    void emptyCellsLeaveValuesNull() throws IOException {
        TelemetryTrack track = TelemetryTrack.readCsv(write(HEADER, "1,0.0,0,,,,80.0,,,,,,"));

        FlightTelemetry sample = track.at(0, 0);

        assertThat(sample.getSensorLatitudeDegrees()).isNull();
        assertThat(sample.getCameraAttitude()).isNull();
        assertThat(sample.getHeightAboveGroundMetres()).isEqualTo(80.0);
    }

    @Test
    void nadirGimbalLooksDown() throws IOException {
        TelemetryTrack track = TelemetryTrack.readCsv(write(HEADER, "1,0.0,0,47.5,8.5,488.0,80.0,0,0,0,0.0,-90.0,0.0"));

        CameraAttitude attitude = track.at(0, 0).getCameraAttitude();

        // Heading north at nadir: camera x is east, y south, z down, a half turn about east.
        assertThat(attitude.getQw()).isCloseTo(0, within(1e-9));
        assertThat(attitude.getQx()).isCloseTo(1, within(1e-9));
        assertThat(attitude.getQy()).isCloseTo(0, within(1e-9));
        assertThat(attitude.getQz()).isCloseTo(0, within(1e-9));
    }

    @Test
    void gimbalQuaternionRotatesOpticalAxis() {
        // Heading east, 30 degrees off nadir: the optical axis points down and east.
        double[] q = GimbalAttitude.toQuaternion(90, -60, 0);

        double[] axis = rotate(q, 0, 0, 1);

        assertThat(axis[0]).isCloseTo(Math.sin(Math.toRadians(30)), within(1e-9));
        assertThat(axis[1]).isCloseTo(0, within(1e-9));
        assertThat(axis[2]).isCloseTo(-Math.cos(Math.toRadians(30)), within(1e-9));
    }

    @Test
    void groundHeightBeforeTakeOffPasses() throws IOException {
        TelemetryTrack track = TelemetryTrack.readCsv(write("time_s,height_agl_m", "0.0,-0.2", "0.1,0.0"));

        assertThat(track.at(0, 0).getHeightAboveGroundMetres()).isEqualTo(-0.2);
        assertThat(track.at(0, 100_000).getHeightAboveGroundMetres()).isEqualTo(0.0);
    }

    @Test
    void missingTimeColumnIsRejected() throws IOException {
        Path file = write("frame,height_agl_m", "1,80");

        assertThatThrownBy(() -> TelemetryTrack.readCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column time_s");
    }

    @Test
    void invalidNumberNamesLine() throws IOException {
        Path file = write("time_s,height_agl_m", "0.0,80", "0.1,high");

        assertThatThrownBy(() -> TelemetryTrack.readCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'high'");
    }

    @Test
    void decreasingTimeIsRejected() throws IOException {
        Path file = write("time_s,height_agl_m", "0.2,80", "0.1,80");

        assertThatThrownBy(() -> TelemetryTrack.readCsv(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earlier than the one before it");
    }

    private Path write(String header, String... rows) throws IOException {
        return Files.writeString(dir.resolve("telemetry.csv"), header + "\n" + String.join("\n", rows) + "\n");
    }

    /** Rotates (x, y, z) by the unit quaternion q = (w, x, y, z). */
    private static double[] rotate(double[] q, double x, double y, double z) {
        double w = q[0];
        double qx = q[1];
        double qy = q[2];
        double qz = q[3];
        double[][] m = {
            {1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - w * qz), 2 * (qx * qz + w * qy)},
            {2 * (qx * qy + w * qz), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - w * qx)},
            {2 * (qx * qz - w * qy), 2 * (qy * qz + w * qx), 1 - 2 * (qx * qx + qy * qy)}};
        return new double[] {
            m[0][0] * x + m[0][1] * y + m[0][2] * z,
            m[1][0] * x + m[1][1] * y + m[1][2] * z,
            m[2][0] * x + m[2][1] * y + m[2][2] * z};
    }
}
