package io.uavstream.odometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.uavstream.models.testing.SharedData;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImagePairRegistrationTest {

    private static PlanarScene scene;

    @BeforeAll
    static void createScene() {
        scene = new PlanarScene(11);
    }

    @AfterAll
    static void closeScene() {
        scene.close();
    }

    @Test
    void rotatedObliqueViewsOfGroundRegister() {
        CameraModel camera = SyntheticFlight.CAMERA;
        double[] firstCentre = {0, 0, 80};
        double[] secondCentre = {25, 10, 95};
        GreyImage first = scene.render(camera, PlanarScene.nadir(0, 0), firstCentre);
        GreyImage second = scene.render(camera, PlanarScene.nadir(25, 70), secondCentre);
        RegistrationResult result = new ImagePairRegistration(FeatureDetector.SIFT, 2000, 0.75, 3.0).register(first, second);
        double[] h = result.homography();
        double[] expected = truePixel(camera, PlanarScene.nadir(0, 0), firstCentre, PlanarScene.nadir(25, 70),
                secondCentre, 320, 240);
        double w = h[6] * 319.5 + h[7] * 239.5 + h[8];
        assertThat(result.inlierRatio()).isGreaterThan(0.7);
        assertThat((h[0] * 319.5 + h[1] * 239.5 + h[2]) / w).isCloseTo(expected[0] - 0.5, within(1.0));
        assertThat((h[3] * 319.5 + h[4] * 239.5 + h[5]) / w).isCloseTo(expected[1] - 0.5, within(1.0));
    }

    @Test
    void aerialPairHasMostlyInlierMatches() {
        Path first = SharedData.require("images/aero1.jpg");
        Path second = SharedData.require("images/aero3.jpg");
        RegistrationResult result = ImagePairRegistration.defaults().register(read(first), read(second));
        assertThat(result.found()).isTrue();
        assertThat(result.matches()).isGreaterThanOrEqualTo(40);
        assertThat(result.inlierRatio()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void blankImagesFindNoHomography() {
        GreyImage blank = new GreyImage(320, 240, new byte[320 * 240]);
        RegistrationResult result = ImagePairRegistration.defaults().register(blank, blank);
        assertThat(result.found()).isFalse();
    }

    private static double[] truePixel(CameraModel camera, double[] fromRotation, double[] fromCentre, double[] toRotation,
            double[] toCentre, double u, double v) {
        double[] ground = new WorldPose(fromRotation, fromCentre)
                .groundIntersection((u - camera.cx()) / camera.fx(), (v - camera.cy()) / camera.fy());
        double[] p = Rotations.apply(Rotations.transpose(toRotation), ground[0] - toCentre[0], ground[1] - toCentre[1],
                -toCentre[2]);
        return new double[] {camera.fx() * p[0] / p[2] + camera.cx(), camera.fy() * p[1] / p[2] + camera.cy()};
    }

    private static GreyImage read(Path file) {
        Mat colour = imread(file.toString(), IMREAD_COLOR);
        byte[] pixels = new byte[colour.cols() * colour.rows() * 3];
        colour.data().get(pixels);
        return FrameConversion.toGrey(colour.cols(), colour.rows(), pixels);
    }
}
