package io.uavstream.operators;

import io.uavstream.schemas.CameraAttitude;
import io.uavstream.schemas.FlightTelemetry;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Explicit binary format of a {@link FlightTelemetry} in Flink state, independent of the Avro
 * schema so that a later schema change cannot make old state unreadable: the sample time in
 * microseconds, one byte whose bits mark the present measurements, then those measurements as
 * doubles in field order, and the four quaternion components when the camera attitude is present.
 */
final class FlightTelemetryFormat {

    private static final int LATITUDE = 1;
    private static final int LONGITUDE = 1 << 1;
    private static final int ELLIPSOID_HEIGHT = 1 << 2;
    private static final int HEIGHT_ABOVE_GROUND = 1 << 3;
    private static final int PLATFORM_HEADING = 1 << 4;
    private static final int PLATFORM_PITCH = 1 << 5;
    private static final int PLATFORM_ROLL = 1 << 6;
    private static final int CAMERA_ATTITUDE = 1 << 7;

    private FlightTelemetryFormat() {
    }

    static void write(FlightTelemetry telemetry, DataOutputView target) throws IOException {
        target.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, telemetry.getSampleTimeMicros()));
        Double[] values = measurements(telemetry);
        int present = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                present |= 1 << i;
            }
        }
        CameraAttitude attitude = telemetry.getCameraAttitude();
        if (attitude != null) {
            present |= CAMERA_ATTITUDE;
        }
        target.writeByte(present);
        for (Double value : values) {
            if (value != null) {
                target.writeDouble(value);
            }
        }
        if (attitude != null) {
            target.writeDouble(attitude.getQw());
            target.writeDouble(attitude.getQx());
            target.writeDouble(attitude.getQy());
            target.writeDouble(attitude.getQz());
        }
    }

    static FlightTelemetry read(DataInputView source) throws IOException {
        Instant sampleTime = Instant.EPOCH.plus(source.readLong(), ChronoUnit.MICROS);
        int present = source.readUnsignedByte();
        FlightTelemetry.Builder builder = FlightTelemetry.newBuilder()
                .setSampleTimeMicros(sampleTime)
                .setSensorLatitudeDegrees(readIf(present, LATITUDE, source))
                .setSensorLongitudeDegrees(readIf(present, LONGITUDE, source))
                .setSensorEllipsoidHeightMetres(readIf(present, ELLIPSOID_HEIGHT, source))
                .setHeightAboveGroundMetres(readIf(present, HEIGHT_ABOVE_GROUND, source))
                .setPlatformHeadingDegrees(readIf(present, PLATFORM_HEADING, source))
                .setPlatformPitchDegrees(readIf(present, PLATFORM_PITCH, source))
                .setPlatformRollDegrees(readIf(present, PLATFORM_ROLL, source));
        if ((present & CAMERA_ATTITUDE) != 0) {
            builder.setCameraAttitude(new CameraAttitude(source.readDouble(), source.readDouble(), source.readDouble(),
                    source.readDouble()));
        }
        return builder.build();
    }

    /** Returns the optional measurements in the order of the presence bits. */
    private static Double[] measurements(FlightTelemetry telemetry) {
        return new Double[] {
            telemetry.getSensorLatitudeDegrees(),
            telemetry.getSensorLongitudeDegrees(),
            telemetry.getSensorEllipsoidHeightMetres(),
            telemetry.getHeightAboveGroundMetres(),
            telemetry.getPlatformHeadingDegrees(),
            telemetry.getPlatformPitchDegrees(),
            telemetry.getPlatformRollDegrees()};
    }

    private static Double readIf(int present, int bit, DataInputView source) throws IOException {
        return (present & bit) != 0 ? source.readDouble() : null;
    }
}
