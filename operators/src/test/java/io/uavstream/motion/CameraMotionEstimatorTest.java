package io.uavstream.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.BgrImage;
import io.uavstream.models.testing.SharedData;
import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CameraMotionEstimatorTest {

    private static final Logger LOG = LoggerFactory.getLogger(CameraMotionEstimatorTest.class);

    private final CameraMotionEstimator estimator = new CameraMotionEstimator(MotionEstimatorConfig.defaults());

    @Test
    void translationIsRecoveredWithinPixel() {
        assertRecovered(Homography.translation(7.5, -4.25), 640, 360);
    }

    @Test
    void rotationIsRecoveredWithinPixel() {
        assertRecovered(Homography.rotation(320, 180, Math.toRadians(3), 1.02), 640, 360);
    }

    @Test
    void perspectiveIsRecoveredWithinPixel() {
        assertRecovered(Homography.of(1.01, 0.02, 4, -0.015, 0.99, 3, 2e-5, -1e-5, 1), 640, 360);
    }

    @Test
    void smallFrameIsNotDownscaled() {
        assertRecovered(Homography.translation(-3, 2), 320, 240);
    }

    @Test
    void featuresAreDownscaledToMaxWidth() {
        FrameFeatures features = estimator.features(TestImages.texture(1280, 720, 5));

        assertThat(features.frame().width()).isEqualTo(480);
        assertThat(features.frame().height()).isEqualTo(270);
        assertThat(features.cornerCount()).isGreaterThan(100);
    }

    @Test
    void stepsReuseTrackedCorners() {
        Homography motion = Homography.translation(3, -2);
        BgrImage first = TestImages.texture(640, 360, 7);
        BgrImage second = TestImages.warp(first, motion);
        BgrImage third = TestImages.warp(second, motion);

        MotionStep toSecond = estimator.step(estimator.features(first), second);
        MotionStep toThird = estimator.step(toSecond.features(), third);

        assertThat(toSecond.cornersReused()).isTrue();
        assertThat(toThird.estimate().succeeded()).as("estimate failed: %s", toThird.estimate().failure()).isTrue();
        assertMapsLike(toThird.estimate().homography(), motion, 640, 360);
    }

    @Test
    void failedStepDetectsNewCorners() {
        BgrImage first = TestImages.texture(640, 360, 7);
        BgrImage unrelated = TestImages.texture(640, 360, 8);

        MotionStep step = estimator.step(estimator.features(first), unrelated);

        assertThat(step.estimate().succeeded()).isFalse();
        assertThat(step.cornersReused()).isFalse();
        assertThat(step.features().cornerCount()).isEqualTo(estimator.features(unrelated).cornerCount());
    }

    @Test
    void sameInputGivesSameEstimate() {
        BgrImage first = TestImages.texture(640, 360, 6);
        BgrImage second = TestImages.warp(first, Homography.rotation(300, 200, Math.toRadians(-2), 1));

        MotionEstimate once = estimator.estimate(estimator.features(first), estimator.features(second));
        MotionEstimate again = estimator.estimate(estimator.features(first), estimator.features(second));

        assertThat(again.homography()).isEqualTo(once.homography());
    }

    @Test
    void flatFramesGiveNoEstimate() {
        BgrImage flat = new BgrImage(320, 240, new byte[320 * 240 * 3]);

        MotionEstimate estimate = estimator.estimate(estimator.features(flat), estimator.features(flat));

        assertThat(estimate.succeeded()).isFalse();
        assertThat(estimate.failure()).contains("corners");
    }

    @Test
    void unrelatedFramesGiveNoEstimate() {
        BgrImage first = TestImages.texture(640, 360, 7);
        BgrImage unrelated = TestImages.texture(640, 360, 8);

        MotionEstimate estimate = estimator.estimate(estimator.features(first), estimator.features(unrelated));

        assertThat(estimate.succeeded()).isFalse();
    }

    @Test
    void resizedFrameGivesNoEstimate() {
        FrameFeatures small = estimator.features(TestImages.texture(320, 240, 9));
        FrameFeatures large = estimator.features(TestImages.texture(640, 480, 9));

        MotionEstimate estimate = estimator.estimate(small, large);

        assertThat(estimate.failure()).contains("frame size changed from 320x240 to 640x480");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"images/aero1.jpg", "images/aero3.jpg"})
    void aerialPhotoMotionIsRecovered(String photo) {
        BgrImage first = TestImages.read(SharedData.require(photo));
        Homography motion = Homography.rotation(300, 260, Math.toRadians(2), 1.01).after(Homography.translation(6, -3));
        BgrImage second = TestImages.warp(first, motion);

        MotionEstimate estimate = estimator.estimate(estimator.features(first), estimator.features(second));

        LOG.info("{} moved by {}: estimate {}, {} of {} tracked corners are inliers", photo, motion,
                estimate.homography(), estimate.inliers(), estimate.trackedCorners());
        assertThat(estimate.succeeded()).as("estimate failed: %s", estimate.failure()).isTrue();
        assertThat(estimate.inlierRatio()).isGreaterThan(0.8);
        assertMapsLike(estimate.homography(), motion, first.width(), first.height());
    }

    @Test
    void distantAerialPairIsRejected() {
        // The two photographs show the same town from viewpoints far apart and about a quarter turn
        // rotated, which no frame-to-frame motion of a video does: the estimate must fail rather
        // than return a homography fitted to a few chance matches.
        BgrImage first = TestImages.read(SharedData.require("images/aero1.jpg"));
        BgrImage second = TestImages.read(SharedData.require("images/aero3.jpg"));

        MotionEstimate estimate = estimator.estimate(estimator.features(first), estimator.features(second));

        LOG.info("aero1 to aero3: {}", estimate.failure());
        assertThat(estimate.succeeded()).isFalse();
        assertThat(estimate.trackedCorners()).isGreaterThan(0);
    }

    @Test
    void configRejectsTooFewCorners() {
        assertThatThrownBy(() -> MotionEstimatorConfig.builder().maxCorners(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCorners must be at least 4, got 3");
        assertThatThrownBy(() -> MotionEstimatorConfig.builder().maxCorners(10).minInliers(20).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minInliers 20 must not exceed maxCorners 10");
    }

    private void assertRecovered(Homography motion, int width, int height) {
        BgrImage first = TestImages.texture(width, height, 4);
        BgrImage second = TestImages.warp(first, motion);

        MotionEstimate estimate = estimator.estimate(estimator.features(first), estimator.features(second));

        assertThat(estimate.succeeded()).as("estimate failed: %s", estimate.failure()).isTrue();
        assertThat(estimate.inlierRatio()).isGreaterThan(0.8);
        assertMapsLike(estimate.homography(), motion, width, height);
    }

    /** Checks that both homographies map a 5x5 grid over the frame to within 1 pixel of each other. */
    private static void assertMapsLike(Homography actual, Homography expected, int width, int height) {
        for (double x = width * 0.1; x < width; x += width * 0.2) {
            for (double y = height * 0.1; y < height; y += height * 0.2) {
                Point expectedPoint = expected.map(x, y);
                Point actualPoint = actual.map(x, y);
                assertThat(actualPoint.x()).as("x of (%s, %s)", x, y).isCloseTo(expectedPoint.x(), Offset.offset(1.0));
                assertThat(actualPoint.y()).as("y of (%s, %s)", x, y).isCloseTo(expectedPoint.y(), Offset.offset(1.0));
            }
        }
    }
}
