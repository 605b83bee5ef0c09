package io.uavstream.odometry;

import java.util.Objects;

/** Creates the visual odometry for one camera. */
public final class VisualOdometryFactory {

    private VisualOdometryFactory() {
    }

    /**
     * Creates a monocular odometry: KLT features against a keyframe, a homography or essential
     * matrix per frame, metric scale from telemetry heights when given, and gated GPS fusion.
     */
    public static VisualOdometry create(OdometryConfig config, CameraModel camera) {
        return new MonocularOdometry(Objects.requireNonNull(config, "config"), Objects.requireNonNull(camera, "camera"));
    }
}
