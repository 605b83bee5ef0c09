package io.uavstream.evaluation.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SingularValueDecomposition3Test {

    private static final double EPS = 1e-12;

    @Test
    void diagonalMatrixGivesSortedValues() {
        SingularValueDecomposition3 svd = SingularValueDecomposition3.of(Matrix3.diagonal(2, -5, 3));

        assertThat(svd.s0()).isCloseTo(5, within(EPS));
        assertThat(svd.s1()).isCloseTo(3, within(EPS));
        assertThat(svd.s2()).isCloseTo(2, within(EPS));
        assertValid(Matrix3.diagonal(2, -5, 3), svd);
    }

    @Test
    void knownRankTwoMatrix() {
        // [[3, 0, 0], [4, 0, 0], [0, 0, 2]]: A^T A = diag(25, 0, 4), singular values 5, 2, 0.
        Matrix3 a = new Matrix3(3, 0, 0, 4, 0, 0, 0, 0, 2);

        SingularValueDecomposition3 svd = SingularValueDecomposition3.of(a);

        assertThat(svd.s0()).isCloseTo(5, within(EPS));
        assertThat(svd.s1()).isCloseTo(2, within(EPS));
        assertThat(svd.s2()).isCloseTo(0, within(EPS));
        assertValid(a, svd);
    }

    @Test
    void rankOneMatrixGetsFullBasis() {
        Matrix3 a = new Vector3(1, 2, 3).outer(new Vector3(-1, 0.5, 2));

        SingularValueDecomposition3 svd = SingularValueDecomposition3.of(a);

        assertThat(svd.s0()).isCloseTo(new Vector3(1, 2, 3).norm() * new Vector3(-1, 0.5, 2).norm(), within(1e-12));
        assertThat(svd.s1()).isCloseTo(0, within(EPS));
        assertValid(a, svd);
    }

    @Test
    void zeroMatrixGetsIdentityBases() {
        SingularValueDecomposition3 svd = SingularValueDecomposition3.of(Matrix3.ZERO);

        assertThat(svd.s0()).isZero();
        assertValid(Matrix3.ZERO, svd);
    }

    @Test
    void randomMatricesReconstruct() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            Matrix3 a = new Matrix3(
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian(), random.nextGaussian(), random.nextGaussian());

            assertValid(a, SingularValueDecomposition3.of(a));
        }
    }

    /** Checks orthogonal factors, descending non-negative values and the product. */
    private static void assertValid(Matrix3 a, SingularValueDecomposition3 svd) {
        assertThat(svd.u().transpose().times(svd.u()).maxAbsDifference(Matrix3.IDENTITY)).isLessThan(1e-12);
        assertThat(svd.v().transpose().times(svd.v()).maxAbsDifference(Matrix3.IDENTITY)).isLessThan(1e-12);
        assertThat(svd.s0()).isGreaterThanOrEqualTo(svd.s1());
        assertThat(svd.s1()).isGreaterThanOrEqualTo(svd.s2());
        assertThat(svd.s2()).isGreaterThanOrEqualTo(0);
        assertThat(svd.reconstruct().maxAbsDifference(a)).isLessThan(1e-12);
    }
}
