package io.uavstream.evaluation.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

    @Test
    void iouOfPartialOverlap() {
        // [0, 10] x [0, 10] and [5, 15] x [0, 10]: intersection 50, union 100 + 100 - 50 = 150.
        BoundingBox a = new BoundingBox(0, 0, 10, 10);
        BoundingBox b = new BoundingBox(5, 0, 10, 10);

        assertThat(a.intersectionArea(b)).isEqualTo(50.0);
        assertThat(a.iou(b)).isEqualTo(50.0 / 150);
        assertThat(b.iou(a)).isEqualTo(a.iou(b));
    }

    @Test
    void iouOfIdenticalBoxesIsOne() {
        BoundingBox a = new BoundingBox(3.5, 7.25, 20, 40);

        assertThat(a.iou(a)).isEqualTo(1.0);
    }

    @Test
    void touchingAndEmptyBoxesHaveZeroIou() {
        BoundingBox a = new BoundingBox(0, 0, 10, 10);

        assertThat(a.iou(new BoundingBox(10, 0, 10, 10))).isZero();
        assertThat(a.iou(new BoundingBox(2, 2, 0, 5))).isZero();
        assertThat(new BoundingBox(2, 2, 0, 0).iou(new BoundingBox(2, 2, 0, 0))).isZero();
    }

    @Test
    void intersectionOverDetectionArea() {
        // A 10 x 10 detection half inside a large region: 50 / 100.
        BoundingBox detection = new BoundingBox(-5, 0, 10, 10);
        BoundingBox region = new BoundingBox(0, 0, 100, 100);

        assertThat(detection.intersectionOverArea(region)).isEqualTo(0.5);
    }

    @Test
    void invalidBoxesRejected() {
        assertThatThrownBy(() -> new BoundingBox(0, 0, -1, 5)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new BoundingBox(Double.NaN, 0, 1, 5)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new BoundingBox(0, 0, 1, Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }
}
