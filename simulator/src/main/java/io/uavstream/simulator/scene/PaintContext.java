package io.uavstream.simulator.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared state of the painters of one scene: the canvas, and what they collect for later passes. */
final class PaintContext {

    /** Buildings and trees keep this distance in metres from the railway's centre line. */
    static final double RAIL_CLEARANCE = 14;

    final SceneCanvas canvas;
    final ValueNoise noise;
    final Lighting lighting;
    final RailLine rail;
    final List<ShadowCaster> casters = new ArrayList<>();
    final List<TreeSpec> trees = new ArrayList<>();
    final List<ParkingSpot> parkingSpots = new ArrayList<>();
    final List<double[]> controlPointAreas = new ArrayList<>();

    PaintContext(SceneCanvas canvas, ValueNoise noise, Lighting lighting, RailLine rail) {
        this.canvas = canvas;
        this.noise = noise;
        this.lighting = lighting;
        this.rail = rail;
    }

    /** Returns whether a body reaching {@code radius} metres from (x, y) stays clear of the railway. */
    boolean clearOfRail(double x, double y, double radius) {
        return rail.distance(x, y) > RAIL_CLEARANCE + radius;
    }

    /** Fills a polygon with a flat colour varied by low-frequency noise of {@code variation} (0 to 1). */
    void fillNoisy(double[] polygon, int color, double variation, double noiseScaleMetres) {
        canvas.fillPolygon(polygon, (index, x, y) -> {
            double n = noise.fractal(x / noiseScaleMetres, y / noiseScaleMetres, 2);
            canvas.colors[index] = Colors.scale(color, 1 + variation * (n - 0.5) * 2);
        });
    }

    /**
     * Paints a flat-roofed building: roof with a lighter parapet and a few rooftop units, raised
     * to {@code level}, and records its shadow.
     */
    void paintBuilding(double[] footprint, int level, int roofColor, SplittableRandom random) {
        int parapet = Colors.scale(roofColor, 1.18);
        double[] innerRoof = Polygons.inset(footprint, 0.9);
        canvas.fillPolygon(footprint, (index, x, y) -> {
            boolean edge = innerRoof == null || !Polygons.contains(innerRoof, x, y);
            double n = noise.sample(x / 3.0, y / 3.0);
            canvas.colors[index] = edge ? parapet : Colors.scale(roofColor, 0.94 + 0.12 * n);
            canvas.elevation[index] = (byte) (level | ElevationLevels.BUILT);
        });
        if (innerRoof != null) {
            paintRooftopUnits(innerRoof, roofColor, random);
        }
        casters.add(new ShadowCaster(footprint, 0, ElevationLevels.height(level)));
    }

    private void paintRooftopUnits(double[] roof, int roofColor, SplittableRandom random) {
        int units = random.nextInt(4);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < roof.length; k += 2) {
            minX = Math.min(minX, roof[k]);
            maxX = Math.max(maxX, roof[k]);
            minY = Math.min(minY, roof[k + 1]);
            maxY = Math.max(maxY, roof[k + 1]);
        }
        for (int u = 0; u < units; u++) {
            double x = random.nextDouble(minX, maxX);
            double y = random.nextDouble(minY, maxY);
            double side = random.nextDouble(1.5, 3.5);
            int color = random.nextBoolean() ? Colors.scale(roofColor, 1.45) : Colors.scale(roofColor, 0.6);
            double[] unit = Polygons.rectangle(x, y, side, side * random.nextDouble(0.6, 1.0), random.nextDouble(0, Math.PI));
            boolean inside = true;
            for (int k = 0; k < unit.length; k += 2) {
                inside &= Polygons.contains(roof, unit[k], unit[k + 1]);
            }
            if (inside) {
                canvas.fillPolygon(unit, (index, px, py) -> canvas.colors[index] = color);
            }
        }
    }

    /** Queues a tree unless it would touch the railway. */
    void addTree(double x, double y, double radius, int level, int color) {
        if (clearOfRail(x, y, radius)) {
            trees.add(new TreeSpec(x, y, radius, level, color));
        }
    }
}
