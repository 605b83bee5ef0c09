package io.uavstream.tracking.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void iouOfIdenticalBoxesIsOne() {
        Box box = new Box(10, 20, 50, 80);

        assertThat(box.iou(box)).isEqualTo(1.0);
    }

    @Test
    void iouOfHalfOverlapIsOneThird() {
        Box left = new Box(0, 0, 20, 10);
        Box right = new Box(10, 0, 30, 10);

        assertThat(left.iou(right)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void iouOfTouchingBoxesIsZero() {
        Box left = new Box(0, 0, 10, 10);
        Box right = new Box(10, 0, 20, 10);

        assertThat(left.iou(right)).isZero();
    }

    @Test
    void ofCenterRoundTripsCentreAndSize() {
        Box box = Box.ofCenter(100, 50, 40, 30);

        assertThat(box.centerX()).isEqualTo(100);
        assertThat(box.centerY()).isEqualTo(50);
        assertThat(box.width()).isEqualTo(40);
        assertThat(box.height()).isEqualTo(30);
    }

    @Test
    void invertedCornersRejected() {
        assertThatThrownBy(() -> new Box(10, 0, 5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(10.0, 0.0, 5.0, 10.0)");
    }

    @Test
    void nonFiniteCornerRejected() {
        assertThatThrownBy(() -> new Box(0, 0, Double.NaN, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }
}
