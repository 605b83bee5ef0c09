package io.uavstream.tracking.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HomographyTest {

    @Test
    void translationMovesPoint() {
        Point point = Homography.translation(5, -3).map(10, 20);

        assertThat(point).isEqualTo(new Point(15, 17));
    }

    @Test
    void entriesScaledToUnitH33() {
        Homography homography = Homography.of(2, 0, 10, 0, 2, 20, 0, 0, 2);

        assertThat(homography).isEqualTo(Homography.translation(5, 10));
    }

    @Test
    void rotationKeepsCentreFixed() {
        Point centre = Homography.rotation(640, 360, Math.toRadians(30), 1.2).map(640, 360);

        assertThat(centre.x()).isCloseTo(640, within(1e-9));
        assertThat(centre.y()).isCloseTo(360, within(1e-9));
    }

    @Test
    void rotatedBoxRefitsAroundCorners() {
        Box square = Box.ofCenter(0, 0, 10, 10);

        Box rotated = Homography.rotation(0, 0, Math.toRadians(45), 1).map(square);

        double diagonal = 10 * Math.sqrt(2);
        assertThat(rotated.width()).isCloseTo(diagonal, within(1e-9));
        assertThat(rotated.height()).isCloseTo(diagonal, within(1e-9));
    }

    @Test
    void afterComposesInOrder() {
        Homography scale = Homography.of(2, 0, 0, 0, 2, 0, 0, 0, 1);
        Homography shift = Homography.translation(10, 0);

        Point point = shift.after(scale).map(1, 1);

        assertThat(point).isEqualTo(new Point(12, 2));
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        Homography perspective = Homography.of(1.1, 0.05, 3, -0.02, 0.95, 7, 1e-4, -2e-4, 1);
        double x = 300;
        double y = 200;
        double step = 1e-4;

        double[] jacobian = perspective.jacobian(x, y);

        Point origin = perspective.map(x, y);
        Point alongX = perspective.map(x + step, y);
        Point alongY = perspective.map(x, y + step);
        assertThat(jacobian[0]).isCloseTo((alongX.x() - origin.x()) / step, within(1e-6));
        assertThat(jacobian[1]).isCloseTo((alongY.x() - origin.x()) / step, within(1e-6));
        assertThat(jacobian[2]).isCloseTo((alongX.y() - origin.y()) / step, within(1e-6));
        assertThat(jacobian[3]).isCloseTo((alongY.y() - origin.y()) / step, within(1e-6));
    }

    @Test
    void pointBeyondHorizonNotMappable() {
        // w = 1 - 0.01 x, so the horizon line is x = 100.
        Homography perspective = Homography.of(1, 0, 0, 0, 1, 0, -0.01, 0, 1);

        assertThat(perspective.canMap(50, 0)).isTrue();
        assertThat(perspective.canMap(150, 0)).isFalse();
        assertThatThrownBy(() -> perspective.map(150, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon line");
    }

    @Test
    void singularMatrixRejected() {
        assertThatThrownBy(() -> Homography.of(1, 2, 0, 2, 4, 0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invertible");
    }

    @Test
    void zeroH33Rejected() {
        assertThatThrownBy(() -> Homography.of(1, 0, 0, 0, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h33");
    }

    @Test
    void wrongEntryCountRejected() {
        assertThatThrownBy(() -> Homography.of(1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 3");
    }
}
