package io.uavstream.simulator.scene;

/**
 * The land between the roads of one grid cell.
 *
 * @param index cell index, row-major
 * @param corners the cell's four junction positions, counter-clockwise from south-west, interleaved x, y
 * @param inner the buildable polygon: {@code corners} inset by each side's road and sidewalk width
 * @param landUse what fills the block
 */
record Block(int index, double[] corners, double[] inner, LandUse landUse) {

    /** Returns the centroid of the inner polygon (mean of its corners). */
    double[] centre() {
        double x = 0;
        double y = 0;
        int n = inner.length / 2;
        for (int k = 0; k < n; k++) {
            x += inner[2 * k];
            y += inner[2 * k + 1];
        }
        return new double[] {x / n, y / n};
    }
}
