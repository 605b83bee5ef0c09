package io.uavstream.simulator.output;

import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.flight.DroneState;
import io.uavstream.simulator.geo.EnuFrame;
import io.uavstream.simulator.geo.GeodeticPosition;
import io.uavstream.simulator.geo.Vec3;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the per-frame flight telemetry as CSV with a header line; the columns are described in
 * docs/simulator.md. Values are exact: the simulator adds no GNSS or IMU error.
 */
public final class TelemetryWriter extends LineWriter {

    public static final String HEADER = "frame,time_s,pts_us,utc,latitude_deg,longitude_deg,altitude_wgs84_m,height_agl_m,"
            + "east_m,north_m,up_m,ground_speed_mps,vertical_speed_mps,platform_heading_deg,platform_pitch_deg,"
            + "platform_roll_deg,gimbal_heading_deg,gimbal_pitch_deg,gimbal_roll_deg,hfov_deg,vfov_deg,"
            + "frame_center_latitude_deg,frame_center_longitude_deg,slant_range_m,wind_speed_mps";

    /** UTC with microseconds, always the same width. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EnuFrame frame;
    private final CameraIntrinsics intrinsics;

    public TelemetryWriter(Path file, EnuFrame frame, CameraIntrinsics intrinsics) throws IOException {
        super(file);
        this.frame = frame;
        this.intrinsics = intrinsics;
        line(HEADER);
    }

    /**
     * Writes one frame's telemetry.
     *
     * @param frameNumber frame number from 1
     * @param utc capture time of the frame
     * @param frameCentre where the optical axis meets the ground, or null if it does not
     */
    public void write(int frameNumber, DroneState state, Instant utc, Vec3 frameCentre) {
        GeodeticPosition position = frame.toGeodetic(state.position());
        String centreLatitude = "";
        String centreLongitude = "";
        String slantRange = "";
        if (frameCentre != null) {
            GeodeticPosition centre = frame.toGeodetic(frameCentre);
            centreLatitude = String.format(Locale.ROOT, "%.8f", centre.latitudeDegrees());
            centreLongitude = String.format(Locale.ROOT, "%.8f", centre.longitudeDegrees());
            slantRange = String.format(Locale.ROOT, "%.3f", frameCentre.minus(state.position()).norm());
        }
        long ptsMicros = Math.round(state.seconds() * 1e6);
        line(String.format(Locale.ROOT,
                "%d,%.6f,%d,%s,%.8f,%.8f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%s,%s,%s,%.2f",
                frameNumber, state.seconds(), ptsMicros, UTC.format(utc), position.latitudeDegrees(), position.longitudeDegrees(),
                position.heightMetres(), state.position().z(), state.position().x(), state.position().y(),
                state.position().z(), state.groundSpeed(), state.velocity().z(), state.headingDegrees(),
                state.pitchDegrees(), state.rollDegrees(), state.camera().headingDegrees(),
                state.camera().gimbalPitchDegrees(), state.camera().rollDegrees(), intrinsics.horizontalFovDegrees(),
                intrinsics.verticalFovDegrees(), centreLatitude, centreLongitude, slantRange, state.windSpeed()));
    }
}
