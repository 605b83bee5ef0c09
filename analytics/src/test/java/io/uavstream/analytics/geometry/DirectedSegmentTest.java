package io.uavstream.analytics.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectedSegmentTest {

    /** Horizontal line pointing right (+x). */
    private static final DirectedSegment LINE = new DirectedSegment(new Point2(0, 0), new Point2(10, 0));

    @Test
    void imageSideFollowsScreenView() {
        // With y down, facing +x on screen, larger y is below the line, that is, on the right.
        assertThat(LINE.side(new Point2(5, 3), AxisOrientation.Y_DOWN)).isEqualTo(Side.RIGHT);
        assertThat(LINE.side(new Point2(5, -3), AxisOrientation.Y_DOWN)).isEqualTo(Side.LEFT);
    }

    @Test
    void mapSideFollowsNorthUp() {
        // Facing east on a north-up map, north (larger y) is on the left.
        assertThat(LINE.side(new Point2(5, 3), AxisOrientation.Y_UP)).isEqualTo(Side.LEFT);
        assertThat(LINE.side(new Point2(5, -3), AxisOrientation.Y_UP)).isEqualTo(Side.RIGHT);
    }

    @Test
    void crossingReportsSideReached() {
        assertThat(LINE.crossing(new Point2(5, -2), new Point2(5, 2), AxisOrientation.Y_DOWN)).contains(Side.RIGHT);
        assertThat(LINE.crossing(new Point2(5, 2), new Point2(5, -2), AxisOrientation.Y_DOWN)).contains(Side.LEFT);
    }

    @Test
    void crossingOutsideSegmentIsIgnored() {
        assertThat(LINE.crossing(new Point2(12, -2), new Point2(12, 2), AxisOrientation.Y_DOWN)).isEmpty();
        assertThat(LINE.crossing(new Point2(-1, -2), new Point2(-1, 2), AxisOrientation.Y_DOWN)).isEmpty();
    }

    @Test
    void pathThroughEndpointCounts() {
        assertThat(LINE.crossing(new Point2(10, -2), new Point2(10, 2), AxisOrientation.Y_DOWN)).contains(Side.RIGHT);
    }

    @Test
    void stopOnLineCountsOnce() {
        Point2 above = new Point2(5, -2);
        Point2 on = new Point2(5, 0);
        Point2 below = new Point2(5, 2);

        // A point on the line is on the left (above, y down), so above -> on is no crossing.
        assertThat(LINE.crossing(above, on, AxisOrientation.Y_DOWN)).isEmpty();
        assertThat(LINE.crossing(on, below, AxisOrientation.Y_DOWN)).contains(Side.RIGHT);
    }

    @Test
    void touchFromLeftIsNoCrossing() {
        Point2 on = new Point2(5, 0);

        assertThat(LINE.crossing(new Point2(5, -2), on, AxisOrientation.Y_DOWN)).isEmpty();
        assertThat(LINE.crossing(on, new Point2(5, -2), AxisOrientation.Y_DOWN)).isEmpty();
    }

    @Test
    void touchFromRightCountsThereAndBack() {
        Point2 below = new Point2(5, 2);
        Point2 on = new Point2(5, 0);

        assertThat(LINE.crossing(below, on, AxisOrientation.Y_DOWN)).contains(Side.LEFT);
        assertThat(LINE.crossing(on, below, AxisOrientation.Y_DOWN)).contains(Side.RIGHT);
    }

    @Test
    void referencePointDefaultsToBottomCentre() {
        assertThat(ReferencePoint.BOTTOM_CENTER.of(10, 20, 30, 60)).isEqualTo(new Point2(20, 60));
        assertThat(ReferencePoint.CENTER.of(10, 20, 30, 60)).isEqualTo(new Point2(20, 40));
    }
}
