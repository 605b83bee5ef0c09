package io.uavstream.odometry;

/** Source of the metric scale of a pose. The names match the {@code ScaleSource} Avro enum. */
public enum ScaleSource {
    /** No metric reference: positions are in units of the camera's height above the ground at initialisation. */
    NONE,
    /** Height above ground from telemetry. */
    ALTITUDE
}
