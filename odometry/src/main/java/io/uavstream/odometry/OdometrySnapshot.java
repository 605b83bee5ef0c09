package io.uavstream.odometry;

/**
 * Complete tracking state of one {@link VisualOdometry}: the previous frame, the features with
 * their keyframe positions and ground points, the current and keyframe poses, the scale source and
 * the GPS fusion. Arrays are owned by the snapshot; {@link OdometrySnapshotSerializer} writes it
 * in a versioned binary form.
 *
 * @param phase tracking phase: START, BOOTSTRAP (ground plane not known yet), TRACKING or LOST
 * @param frameWidth processed grey frame width in pixels, 0 before the first frame
 * @param frameHeight processed grey frame height in pixels, 0 before the first frame
 * @param framePixels processed grey frame, empty before the first frame
 * @param trackCount number of features
 * @param trackPixels feature positions in the previous processed frame, x, y pairs
 * @param keyframeNormalized feature positions in the keyframe, normalized undistorted x, y pairs
 * @param ground feature ground points in world units, x, y pairs (NaN when not known)
 * @param rotation current camera-to-world rotation, row-major
 * @param centre current camera centre in world units
 * @param keyframeRotation keyframe camera-to-world rotation, row-major
 * @param keyframeCentre keyframe camera centre in world units
 * @param scaleSource where the scale comes from
 * @param georeferenced whether the world frame is the telemetry's ENU frame
 * @param lastFrameMicros capture time of the previous frame
 * @param lastOkMicros capture time of the last OK frame
 * @param gpsOffsetEast east offset of GPS fusion in metres
 * @param gpsOffsetNorth north offset of GPS fusion in metres
 * @param gpsLastAcceptedMicros capture time of the last accepted GPS fix, {@code Long.MIN_VALUE} when none
 * @param gpsRejectedFixes GPS fixes rejected so far
 */
public record OdometrySnapshot(String phase, int frameWidth, int frameHeight, byte[] framePixels, int trackCount,
        float[] trackPixels, double[] keyframeNormalized, double[] ground, double[] rotation, double[] centre,
        double[] keyframeRotation, double[] keyframeCentre, ScaleSource scaleSource, boolean georeferenced,
        long lastFrameMicros, long lastOkMicros, double gpsOffsetEast, double gpsOffsetNorth,
        long gpsLastAcceptedMicros, long gpsRejectedFixes) {

    public OdometrySnapshot {
        if (framePixels.length != frameWidth * frameHeight) {
            throw new IllegalArgumentException("Snapshot frame of " + frameWidth + "x" + frameHeight + " needs "
                    + frameWidth * frameHeight + " pixels, got " + framePixels.length);
        }
        if (trackPixels.length < 2 * trackCount || keyframeNormalized.length < 2 * trackCount
                || ground.length < 2 * trackCount) {
            throw new IllegalArgumentException("Snapshot track arrays are shorter than 2 x " + trackCount);
        }
        if (rotation.length != 9 || keyframeRotation.length != 9 || centre.length != 3 || keyframeCentre.length != 3) {
            throw new IllegalArgumentException("Snapshot rotations need 9 values and centres 3");
        }
    }
}
