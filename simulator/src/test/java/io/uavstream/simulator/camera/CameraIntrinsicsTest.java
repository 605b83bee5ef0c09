package io.uavstream.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CameraIntrinsicsTest {

    @Test
    void horizontalFovSetsFocalLength() {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 90, 0, 0);

        assertThat(intrinsics.fx()).isCloseTo(320, within(1e-9));
        assertThat(intrinsics.cx()).isEqualTo(320);
        assertThat(intrinsics.cy()).isEqualTo(240);
        assertThat(intrinsics.horizontalFovDegrees()).isCloseTo(90, within(1e-9));
        assertThat(intrinsics.verticalFovDegrees()).isCloseTo(2 * Math.toDegrees(Math.atan(240.0 / 320)), within(1e-9));
    }

    @Test
    void distortionRoundTripsEveryPixel() {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 80, -0.18, 0.03);
        double[] normalized = new double[2];
        double[] pixel = new double[2];
        double worst = 0;
        for (double v = 0; v <= 480; v += 20) {
            for (double u = 0; u <= 640; u += 20) {
                intrinsics.toNormalized(u, v, normalized);
                intrinsics.toPixel(normalized[0], normalized[1], pixel);
                worst = Math.max(worst, Math.hypot(pixel[0] - u, pixel[1] - v));
            }
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void barrelDistortionPullsCornersInwards() {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 80, -0.1, 0);
        double[] pixel = new double[2];

        intrinsics.toPixel(0.8, 0.6, pixel);

        double undistortedU = intrinsics.fx() * 0.8 + intrinsics.cx();
        assertThat(pixel[0]).isLessThan(undistortedU);
    }

    @Test
    void foldingDistortionIsRejected() {
        assertThatThrownBy(() -> CameraIntrinsics.ofHorizontalFov(640, 480, 90, -0.9, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("folds the image");
    }

    @Test
    void tinyImageIsRejected() {
        assertThatThrownBy(() -> new CameraIntrinsics(8, 8, 10, 10, 4, 4, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16x16");
    }
}
