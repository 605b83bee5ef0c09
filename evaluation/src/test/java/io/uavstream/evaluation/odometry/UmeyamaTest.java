package io.uavstream.evaluation.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.evaluation.geometry.Matrix3;
import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UmeyamaTest {

    private static final Matrix3 ROTATION =
            Quaternion.fromAxisAngle(new Vector3(1, 2, 3), 0.7).toRotationMatrix();
    private static final Vector3 TRANSLATION = new Vector3(5, -3, 2);

    @Test
    void similarityIsRecoveredExactly() {
        List<Vector3> source = randomPoints(20, false);
        List<Vector3> target = transform(source, 2.5);

        SimilarityTransform found = Umeyama.align(source, target, true);

        assertThat(found.scale()).isCloseTo(2.5, within(1e-12));
        assertThat(found.rotation().maxAbsDifference(ROTATION)).isLessThan(1e-12);
        assertThat(found.translation().minus(TRANSLATION).norm()).isLessThan(1e-12);
    }

    @Test
    void rigidAlignmentKeepsUnitScale() {
        List<Vector3> source = randomPoints(20, false);

        SimilarityTransform found = Umeyama.align(source, transform(source, 1), false);

        assertThat(found.scale()).isEqualTo(1.0);
        assertThat(found.rotation().maxAbsDifference(ROTATION)).isLessThan(1e-12);
    }

    @Test
    void planarPointsGiveProperRotation() {
        // Points in the plane z = 0: the covariance has rank 2, and the SVD's third columns are
        // arbitrary in sign; the determinant correction must still give the true rotation.
        List<Vector3> source = randomPoints(10, true);

        SimilarityTransform found = Umeyama.align(source, transform(source, 0.5), true);

        assertThat(found.rotation().maxAbsDifference(ROTATION)).isLessThan(1e-12);
        assertThat(found.rotation().determinant()).isCloseTo(1, within(1e-12));
        assertThat(found.scale()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void mirroredPointsStillGiveRotation() {
        // A mirror image cannot be reached by a rotation; the result must still be one.
        List<Vector3> source = randomPoints(10, false);
        List<Vector3> mirrored = new ArrayList<>();
        for (Vector3 point : source) {
            mirrored.add(new Vector3(point.x(), point.y(), -point.z()));
        }

        SimilarityTransform found = Umeyama.align(source, mirrored, false);

        assertThat(found.rotation().determinant()).isCloseTo(1, within(1e-12));
        assertThat(found.rotation().transpose().times(found.rotation()).maxAbsDifference(Matrix3.IDENTITY))
                .isLessThan(1e-12);
    }

    @Test
    void invalidInputRejected() {
        List<Vector3> same = List.of(Vector3.ZERO, Vector3.ZERO, Vector3.ZERO);

        assertThatThrownBy(() -> Umeyama.align(same, same, true)).hasMessageContaining("coincide");
        assertThatThrownBy(() -> Umeyama.align(List.of(), List.of(), false)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> Umeyama.align(same, List.of(Vector3.ZERO), false)).hasMessageContaining("3 and 1");
    }

    private static List<Vector3> randomPoints(int count, boolean planar) {
        Random random = new Random(11);
        List<Vector3> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new Vector3(random.nextGaussian(), random.nextGaussian(), planar ? 0 : random.nextGaussian()));
        }
        return points;
    }

    private static List<Vector3> transform(List<Vector3> points, double scale) {
        SimilarityTransform transform = new SimilarityTransform(scale, ROTATION, TRANSLATION);
        List<Vector3> result = new ArrayList<>();
        for (Vector3 point : points) {
            result.add(transform.apply(point));
        }
        return result;
    }
}
