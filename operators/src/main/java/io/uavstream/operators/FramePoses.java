package io.uavstream.operators;

import io.uavstream.odometry.CameraModel;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.schemas.FramePose;
import io.uavstream.schemas.PoseSource;
import io.uavstream.schemas.PoseStatus;
import io.uavstream.schemas.ScaleSource;
import java.util.ArrayList;
import java.util.List;

/** Converts the odometry's {@link PoseEstimate} to the Avro {@link FramePose} of {@code FrameDetections}. */
final class FramePoses {

    private FramePoses() {
    }

    /**
     * Returns the Avro pose of an estimate.
     *
     * @param origin WGS84 origin of the odometry's world frame, or null: latitude and longitude in
     *     degrees, and the ground height above the ellipsoid in metres or NaN. It is used only when
     *     the estimate is georeferenced.
     */
    static FramePose toAvro(PoseEstimate estimate, CameraModel camera, double[] origin) {
        boolean georeferenced = estimate.georeferenced() && origin != null;
        double[] q = estimate.quaternion();
        return FramePose.newBuilder()
                .setStatus(PoseStatus.valueOf(estimate.status().name()))
                .setSource(PoseSource.VISUAL_ODOMETRY)
                .setScaleSource(ScaleSource.valueOf(estimate.scaleSource().name()))
                .setEastMetres(estimate.position().x())
                .setNorthMetres(estimate.position().y())
                .setUpMetres(estimate.position().z())
                .setQw(q[0])
                .setQx(q[1])
                .setQy(q[2])
                .setQz(q[3])
                .setFx(camera.fx())
                .setFy(camera.fy())
                .setCx(camera.cx())
                .setCy(camera.cy())
                .setOriginLatitudeDegrees(georeferenced ? origin[0] : null)
                .setOriginLongitudeDegrees(georeferenced ? origin[1] : null)
                .setOriginAltitudeMetres(georeferenced && !Double.isNaN(origin[2]) ? origin[2] : null)
                .setInliers(estimate.inliers())
                .setMotionModel(estimate.motionModel().name())
                .setFrameToFrameHomography(toList(estimate.frameToFrameHomography()))
                .build();
    }

    private static List<Double> toList(double[] values) {
        if (values == null) {
            return null;
        }
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
