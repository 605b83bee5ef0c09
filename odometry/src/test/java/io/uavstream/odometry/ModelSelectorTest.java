package io.uavstream.odometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;

class ModelSelectorTest {

    private static final double FOCAL = 500;

    @Test
    void groundPlaneChoosesHomography() {
        assertThat(choose(0).model()).isEqualTo(MotionModel.HOMOGRAPHY);
    }

    @Test
    void deepSceneChoosesEssentialMatrix() {
        ModelSelector.Choice choice = choose(60);
        assertThat(choice.model()).isEqualTo(MotionModel.ESSENTIAL);
        assertThat(choice.essential()).hasSize(9);
    }

    @Test
    void smallParallaxSkipsEssentialMatrix() {
        double[] points = {0, 0, 0.1, 0, 0, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.1, 0.05, 0.3, 0.2, 0.25};
        try (PointerScope scope = new PointerScope()) {
            ModelSelector.Choice choice = new ModelSelector(OdometryConfig.defaults()).choose(points, points, 8, 2, FOCAL);
            assertThat(choice.model()).isEqualTo(MotionModel.HOMOGRAPHY);
        }
    }

    /**
     * Chooses the model for 200 points seen from two cameras 10 m apart at 80 m over the ground,
     * with heights drawn up to {@code maxHeight} metres and 0.3 px of noise.
     */
    private static ModelSelector.Choice choose(double maxHeight) {
        Random random = new Random(3);
        int count = 200;
        double[] first = new double[2 * count];
        double[] second = new double[2 * count];
        double yaw = Math.toRadians(3);
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * 90 - 45;
            double y = random.nextDouble() * 70 - 35;
            double depth = 80 - random.nextDouble() * maxHeight;
            first[2 * i] = x / depth + noise(random);
            first[2 * i + 1] = y / depth + noise(random);
            double movedX = x - 10;
            double rotatedX = Math.cos(yaw) * movedX - Math.sin(yaw) * y;
            double rotatedY = Math.sin(yaw) * movedX + Math.cos(yaw) * y;
            second[2 * i] = rotatedX / depth + noise(random);
            second[2 * i + 1] = rotatedY / depth + noise(random);
        }
        try (PointerScope scope = new PointerScope()) {
            return new ModelSelector(OdometryConfig.defaults()).choose(first, second, count, 60, FOCAL);
        }
    }

    private static double noise(Random random) {
        return random.nextGaussian() * 0.3 / FOCAL;
    }
}
