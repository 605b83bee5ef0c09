package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Plants street trees and closed canopies along roads, then paints every queued tree as a shaded, raised disc. */
final class TreePainter {

    private static final int CASTER_SIDES = 12;

    private TreePainter() {}

    /** Queues trees along local roads: spaced rows beside sidewalks, and closed canopies over tree-covered roads. */
    static void plantRoadside(RoadNetwork network, PaintContext context, SplittableRandom random) {
        for (RoadNetwork.Edge edge : network.edges()) {
            if (edge.roadClass() != RoadClass.LOCAL) {
                continue;
            }
            boolean covered = edge.treeCovered();
            if (!covered && (!edge.sidewalks() || random.nextDouble() < 0.5)) {
                continue;
            }
            RoadNetwork.Node a = network.node(edge.from());
            RoadNetwork.Node b = network.node(edge.to());
            double length = network.length(edge);
            double dx = (b.x() - a.x()) / length;
            double dy = (b.y() - a.y()) / length;
            double halfWidth = edge.roadClass().halfWidth();
            double spacing = covered ? 8 : 14;
            double offset = covered ? halfWidth + 1 : halfWidth + RoadNetwork.SIDEWALK_WIDTH + 0.8;
            double start = network.nodeRadius(edge.from()) + 6;
            double end = length - network.nodeRadius(edge.to()) - 6;
            for (double s = start; s <= end; s += spacing) {
                for (int side = -1; side <= 1; side += 2) {
                    double x = a.x() + dx * s + dy * offset * side + random.nextDouble(-0.8, 0.8);
                    double y = a.y() + dy * s - dx * offset * side + random.nextDouble(-0.8, 0.8);
                    double radius = covered ? halfWidth + random.nextDouble(1.8, 2.8) : random.nextDouble(2.8, 4.3);
                    int level = covered ? ElevationLevels.TALL_TREE : ElevationLevels.LOW_TREE + random.nextInt(2);
                    context.addTree(x, y, radius, level, Palette.CANOPIES[random.nextInt(3)]);
                }
            }
        }
    }

    /** Paints all queued trees and records their shadows. */
    static void paintAll(PaintContext context) {
        double[] sun = context.lighting.sunDirection();
        SceneCanvas canvas = context.canvas;
        for (TreeSpec tree : context.trees) {
            double cx = tree.x();
            double cy = tree.y();
            double radius = tree.radius();
            int level = tree.level();
            canvas.fillCircle(cx, cy, radius, (index, x, y) -> {
                if ((canvas.elevation[index] & ElevationLevels.LEVEL_MASK) > level) {
                    return;
                }
                double rx = (x - cx) / radius;
                double ry = (y - cy) / radius;
                double rim = Math.min(1, rx * rx + ry * ry);
                double leaves = context.noise.fractal(x * 1.1, y * 1.1, 2);
                double sunlit = 1 + 0.25 * (rx * sun[0] + ry * sun[1]) - 0.2 * rim * rim;
                canvas.colors[index] = Colors.scale(tree.color(), sunlit * (0.72 + 0.45 * leaves));
                canvas.elevation[index] = (byte) (level | ElevationLevels.CANOPY);
            });
            double top = ElevationLevels.height(level);
            context.casters.add(new ShadowCaster(disc(cx, cy, radius), top * 0.35, top));
        }
    }

    private static double[] disc(double cx, double cy, double radius) {
        double[] polygon = new double[2 * CASTER_SIDES];
        for (int k = 0; k < CASTER_SIDES; k++) {
            double angle = 2 * Math.PI * k / CASTER_SIDES;
            polygon[2 * k] = cx + radius * Math.cos(angle);
            polygon[2 * k + 1] = cy + radius * Math.sin(angle);
        }
        return polygon;
    }
}
