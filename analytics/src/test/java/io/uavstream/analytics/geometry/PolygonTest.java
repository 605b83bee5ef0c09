package io.uavstream.analytics.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolygonTest {

    /** U shape opening upwards (y down): the notch 4 < x < 6, 0 <= y < 8 is outside. */
    private static final Polygon U_SHAPE = Polygon.of(List.of(
            new Point2(0, 0), new Point2(4, 0), new Point2(4, 8), new Point2(6, 8),
            new Point2(6, 0), new Point2(10, 0), new Point2(10, 10), new Point2(0, 10)));

    @Test
    void concavePolygonContainsArms() {
        assertThat(U_SHAPE.contains(new Point2(2, 2))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(8, 2))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(5, 9))).isTrue();
    }

    @Test
    void concavePolygonExcludesNotch() {
        assertThat(U_SHAPE.contains(new Point2(5, 4))).isFalse();
        assertThat(U_SHAPE.contains(new Point2(5, 0))).isFalse();
    }

    @Test
    void rayThroughVertexCountsOnce() {
        // The ray from (2, 8) towards +x passes the notch vertices (4, 8) and (6, 8).
        assertThat(U_SHAPE.contains(new Point2(2, 8))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(11, 8))).isFalse();
        assertThat(U_SHAPE.contains(new Point2(-1, 8))).isFalse();
    }

    @Test
    void boundaryPointsAreInside() {
        assertThat(U_SHAPE.contains(new Point2(0, 5))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(5, 8))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(10, 10))).isTrue();
        assertThat(U_SHAPE.contains(new Point2(4, 3))).isTrue();
    }

    @Test
    void pointsJustOutsideEdgeAreOutside() {
        assertThat(U_SHAPE.contains(new Point2(-1e-9, 5))).isFalse();
        assertThat(U_SHAPE.contains(new Point2(5, 8 - 1e-9))).isFalse();
    }

    @Test
    void holeExcludesInteriorButNotEdge() {
        Polygon square = new Polygon(
                List.of(new Point2(0, 0), new Point2(10, 0), new Point2(10, 10), new Point2(0, 10)),
                List.of(List.of(new Point2(3, 3), new Point2(7, 3), new Point2(7, 7), new Point2(3, 7))));

        assertThat(square.contains(new Point2(5, 5))).isFalse();
        assertThat(square.contains(new Point2(3, 5))).isTrue();
        assertThat(square.contains(new Point2(1, 1))).isTrue();
    }

    @Test
    void degenerateRingIsRejected() {
        assertThatThrownBy(() -> Polygon.of(List.of(new Point2(0, 0), new Point2(1, 1), new Point2(2, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero area");
        assertThatThrownBy(() -> Polygon.of(List.of(new Point2(0, 0), new Point2(1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3");
    }
}
