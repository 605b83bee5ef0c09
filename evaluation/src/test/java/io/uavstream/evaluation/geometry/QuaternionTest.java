package io.uavstream.evaluation.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuaternionTest {

    private static final double EPS = 1e-12;

    @Test
    void quarterTurnAboutZ() {
        // 90 degrees about z maps x to y: R = [[0, -1, 0], [1, 0, 0], [0, 0, 1]].
        Matrix3 rotation = Quaternion.fromAxisAngle(new Vector3(0, 0, 1), Math.PI / 2).toRotationMatrix();

        assertThat(rotation.maxAbsDifference(new Matrix3(0, -1, 0, 1, 0, 0, 0, 0, 1))).isLessThan(EPS);
        assertThat(rotation.rotationAngle()).isCloseTo(Math.PI / 2, within(EPS));
    }

    @Test
    void constructorNormalizes() {
        Quaternion q = new Quaternion(0, 0, 0, 2);

        assertThat(q.w()).isEqualTo(1.0);
        assertThat(q.toRotationMatrix()).isEqualTo(Matrix3.IDENTITY);
    }

    @Test
    void rotationMatrixRoundTrip() {
        Vector3[] axes = {new Vector3(1, 2, 3), new Vector3(1, 0, 0), new Vector3(0, -1, 0), new Vector3(0, 0, 1)};
        double[] angles = {0.3, 2.0, 3.1, Math.PI};
        for (Vector3 axis : axes) {
            for (double angle : angles) {
                Matrix3 rotation = Quaternion.fromAxisAngle(axis, angle).toRotationMatrix();

                Matrix3 roundTrip = Quaternion.fromRotationMatrix(rotation).toRotationMatrix();

                assertThat(roundTrip.maxAbsDifference(rotation)).as("axis %s, angle %s", axis, angle).isLessThan(1e-12);
                assertThat(rotation.rotationAngle()).isCloseTo(angle, within(1e-9));
            }
        }
    }

    @Test
    void smallAngleStaysAccurate() {
        // acos((trace - 1) / 2) would lose this angle to rounding; atan2 keeps it.
        double angle = 1e-9;

        double measured = Quaternion.fromAxisAngle(new Vector3(0, 1, 0), angle).toRotationMatrix().rotationAngle();

        assertThat(measured).isCloseTo(angle, within(1e-18));
    }

    @Test
    void zeroQuaternionRejected() {
        assertThatThrownBy(() -> new Quaternion(0, 0, 0, 0)).hasMessageContaining("non-zero");
    }
}
