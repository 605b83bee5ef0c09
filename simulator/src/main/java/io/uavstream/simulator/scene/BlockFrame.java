package io.uavstream.simulator.scene;

/**
 * Local axes of a block: u runs along the block's first (southern) side, v is u turned 90 degrees
 * counter-clockwise, and the origin is the centroid of the buildable polygon. Painters lay out
 * lots in (u, v) and convert to world metres.
 */
final class BlockFrame {

    final double originX;
    final double originY;
    final double ux;
    final double uy;
    final double minU;
    final double maxU;
    final double minV;
    final double maxV;
    /** Compass heading of the u axis in radians. */
    final double uHeading;
    private final double[] inner;

    BlockFrame(Block block) {
        double[] c = block.corners();
        double length = Math.hypot(c[2] - c[0], c[3] - c[1]);
        this.ux = (c[2] - c[0]) / length;
        this.uy = (c[3] - c[1]) / length;
        double[] centre = block.centre();
        this.originX = centre[0];
        this.originY = centre[1];
        this.inner = block.inner();
        double lowU = Double.POSITIVE_INFINITY;
        double highU = Double.NEGATIVE_INFINITY;
        double lowV = Double.POSITIVE_INFINITY;
        double highV = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < inner.length; k += 2) {
            double u = (inner[k] - originX) * ux + (inner[k + 1] - originY) * uy;
            double v = -(inner[k] - originX) * uy + (inner[k + 1] - originY) * ux;
            lowU = Math.min(lowU, u);
            highU = Math.max(highU, u);
            lowV = Math.min(lowV, v);
            highV = Math.max(highV, v);
        }
        this.minU = lowU;
        this.maxU = highU;
        this.minV = lowV;
        this.maxV = highV;
        this.uHeading = Math.atan2(ux, uy);
    }

    double x(double u, double v) {
        return originX + u * ux - v * uy;
    }

    double y(double u, double v) {
        return originY + u * uy + v * ux;
    }

    /** Returns a rectangle centred at (u, v) with its length along u, in world coordinates. */
    double[] rectangle(double u, double v, double lengthU, double widthV) {
        return Polygons.rectangle(x(u, v), y(u, v), lengthU, widthV, uHeading);
    }

    /** Returns whether every corner of the interleaved polygon lies inside the buildable polygon, shrunk by {@code margin}. */
    boolean containsAll(double[] polygon, double margin) {
        double[] shrunk = margin > 0 ? Polygons.inset(inner, margin) : inner;
        if (shrunk == null) {
            return false;
        }
        for (int k = 0; k < polygon.length; k += 2) {
            if (!Polygons.contains(shrunk, polygon[k], polygon[k + 1])) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the point lies inside the buildable polygon. */
    boolean contains(double x, double y) {
        return Polygons.contains(inner, x, y);
    }
}
