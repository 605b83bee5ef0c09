package io.uavstream.evaluation.odometry;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Vector3;

/**
 * The map {@code x -> scale * rotation * x + translation}, a rigid motion when the scale is 1.
 *
 * @param scale positive scale factor
 * @param rotation rotation matrix
 * @param translation translation, in the target frame's unit
 */
public record SimilarityTransform(double scale, Matrix3 rotation, Vector3 translation) {

    public static final SimilarityTransform IDENTITY = new SimilarityTransform(1, Matrix3.IDENTITY, Vector3.ZERO);

    public Vector3 apply(Vector3 point) {
        return rotation.times(point).times(scale).plus(translation);
    }
}
