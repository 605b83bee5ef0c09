package io.uavstream.evaluation.odometry;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.SingularValueDecomposition3;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.List;

/**
 * Least-squares alignment of two point sets (S. Umeyama, "Least-Squares Estimation of
 * Transformation Parameters Between Two Point Patterns", IEEE TPAMI 13(4), 1991).
 *
 * <p>It finds the rotation R, translation t and (optionally) scale s that minimize
 * {@code sum |target_i - (s R source_i + t)|^2}. With means mu, the source variance
 * {@code sigma^2 = mean |source_i - mu_source|^2} and the covariance
 * {@code C = mean (target_i - mu_target)(source_i - mu_source)^T = U D V^T}, the solution is
 * {@code R = U S V^T}, {@code s = trace(D S) / sigma^2} and {@code t = mu_target - s R mu_source}.
 * Here {@code S = diag(1, 1, det(U) det(V))} keeps R a proper rotation when the points are
 * planar or noisy.
 */
public final class Umeyama {

    private Umeyama() {
    }

    /**
     * Returns the transform that maps {@code source} onto {@code target} best.
     *
     * @param withScale whether to estimate the scale (Sim(3)), otherwise 1 (SE(3))
     * @throws IllegalArgumentException if the lists differ in size or are empty, or if the scale
     *     is requested and all source points coincide
     */
    public static SimilarityTransform align(List<Vector3> source, List<Vector3> target, boolean withScale) {
        if (source.size() != target.size() || source.isEmpty()) {
            throw new IllegalArgumentException("Alignment needs two equally long, non-empty point lists, got "
                    + source.size() + " and " + target.size() + " points");
        }
        int n = source.size();
        Vector3 sourceMean = mean(source);
        Vector3 targetMean = mean(target);
        double sourceVariance = 0;
        Matrix3 covariance = Matrix3.ZERO;
        for (int i = 0; i < n; i++) {
            Vector3 centeredSource = source.get(i).minus(sourceMean);
            Vector3 centeredTarget = target.get(i).minus(targetMean);
            sourceVariance += centeredSource.squaredNorm();
            covariance = covariance.plus(centeredTarget.outer(centeredSource));
        }
        sourceVariance /= n;
        covariance = covariance.times(1.0 / n);

        SingularValueDecomposition3 svd = SingularValueDecomposition3.of(covariance);
        double reflection = svd.u().determinant() * svd.v().determinant() < 0 ? -1 : 1;
        Matrix3 rotation = svd.u().times(Matrix3.diagonal(1, 1, reflection)).times(svd.v().transpose());
        double scale = 1;
        if (withScale) {
            if (sourceVariance == 0) {
                throw new IllegalArgumentException("Cannot estimate the scale: all " + n + " source points coincide");
            }
            scale = (svd.s0() + svd.s1() + reflection * svd.s2()) / sourceVariance;
        }
        Vector3 translation = targetMean.minus(rotation.times(sourceMean).times(scale));
        return new SimilarityTransform(scale, rotation, translation);
    }

    private static Vector3 mean(List<Vector3> points) {
        Vector3 sum = Vector3.ZERO;
        for (Vector3 point : points) {
            sum = sum.plus(point);
        }
        return sum.times(1.0 / points.size());
    }
}
