package io.uavstream.simulator.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Houses with gardens: lawn, a ring of detached houses facing the roads, driveways, pools and garden trees. */
final class SuburbanPainter implements BlockPainter {

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.fillNoisy(block.inner(), Palette.LAWN, 0.14, 9);
        List<double[]> placed = new ArrayList<>();
        double[] inner = block.inner();
        int sides = inner.length / 2;
        for (int k = 0; k < sides; k++) {
            double x0 = inner[2 * k];
            double y0 = inner[2 * k + 1];
            double x1 = inner[2 * ((k + 1) % sides)];
            double y1 = inner[2 * ((k + 1) % sides) + 1];
            placeHousesAlong(frame, context, random, placed, x0, y0, x1, y1);
        }
        scatterGardenTrees(frame, context, random, placed);
    }

    private static void placeHousesAlong(BlockFrame frame, PaintContext context, SplittableRandom random,
            List<double[]> placed, double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        double dx = (x1 - x0) / length;
        double dy = (y1 - y0) / length;
        // The block interior is to the left of each counter-clockwise side.
        double nx = -dy;
        double ny = dx;
        double heading = Math.atan2(dx, dy);
        for (double s = 14; s < length - 14; s += random.nextDouble(19, 26)) {
            double houseLength = random.nextDouble(9, 14);
            double houseDepth = random.nextDouble(8, 11);
            double setback = random.nextDouble(7, 10) + houseDepth / 2;
            double cx = x0 + dx * s + nx * setback;
            double cy = y0 + dy * s + ny * setback;
            double radius = Math.hypot(houseLength, houseDepth) / 2;
            double[] footprint = Polygons.rectangle(cx, cy, houseLength, houseDepth, heading);
            if (!frame.containsAll(footprint, 0) || overlaps(placed, cx, cy, radius + 2)
                    || !context.clearOfRail(cx, cy, radius)) {
                continue;
            }
            placed.add(new double[] {cx, cy, radius});
            paintDriveway(context, x0 + dx * (s + houseLength / 2 - 1.5), y0 + dy * (s + houseLength / 2 - 1.5),
                    nx, ny, setback - houseDepth / 2);
            int roof = Palette.ROOFS[random.nextInt(Palette.ROOFS.length)];
            paintPitchedHouse(context, footprint, cx, cy, dx, dy, roof);
            if (random.nextDouble() < 0.2) {
                double px = cx + nx * (houseDepth / 2 + 6);
                double py = cy + ny * (houseDepth / 2 + 6);
                double[] pool = Polygons.rectangle(px, py, random.nextDouble(5, 9), random.nextDouble(3, 4.5), heading);
                if (frame.containsAll(pool, 1)) {
                    context.canvas.fillPolygon(pool, (index, x, y) -> context.canvas.colors[index] = Palette.POOL);
                }
            }
        }
    }

    private static void paintDriveway(PaintContext context, double x, double y, double nx, double ny, double length) {
        context.canvas.fillSegment(x, y, x + nx * length, y + ny * length, 1.4,
                (index, px, py) -> context.canvas.colors[index] = Palette.SIDEWALK);
    }

    /**
     * Paints a house whose roof ridge runs along (dx, dy): the half facing the sun is lighter, which
     * is how a pitched roof looks from above although the roof itself is flat at house level.
     */
    private static void paintPitchedHouse(PaintContext context, double[] footprint, double cx, double cy,
            double dx, double dy, int roof) {
        double[] sun = context.lighting.sunDirection();
        double nx = -dy;
        double ny = dx;
        double facing = nx * sun[0] + ny * sun[1];
        int lit = Colors.scale(roof, 1.12 + 0.1 * Math.abs(facing));
        int shaded = Colors.scale(roof, 0.82 - 0.1 * Math.abs(facing));
        int ridge = Colors.scale(roof, 0.7);
        context.canvas.fillPolygon(footprint, (index, x, y) -> {
            double side = (x - cx) * nx + (y - cy) * ny;
            int color;
            if (Math.abs(side) < 0.3) {
                color = ridge;
            } else {
                color = (side > 0) == (facing > 0) ? lit : shaded;
            }
            double n = context.noise.sample(x * 1.7, y * 1.7);
            context.canvas.colors[index] = Colors.scale(color, 0.95 + 0.1 * n);
            context.canvas.elevation[index] = (byte) (ElevationLevels.HOUSE | ElevationLevels.BUILT);
        });
        context.casters.add(new ShadowCaster(footprint, 0, ElevationLevels.height(ElevationLevels.HOUSE)));
    }

    private static void scatterGardenTrees(BlockFrame frame, PaintContext context, SplittableRandom random,
            List<double[]> placed) {
        int attempts = (int) ((frame.maxU - frame.minU) * (frame.maxV - frame.minV) / 300);
        for (int a = 0; a < attempts; a++) {
            double u = random.nextDouble(frame.minU, frame.maxU);
            double v = random.nextDouble(frame.minV, frame.maxV);
            double x = frame.x(u, v);
            double y = frame.y(u, v);
            double radius = random.nextDouble(2.2, 4.2);
            if (frame.contains(x, y) && !overlaps(placed, x, y, radius + 1)) {
                int level = random.nextBoolean() ? ElevationLevels.LOW_TREE : ElevationLevels.TALL_TREE;
                context.addTree(x, y, radius, level, Palette.CANOPIES[random.nextInt(Palette.CANOPIES.length)]);
            }
        }
    }

    static boolean overlaps(List<double[]> placed, double x, double y, double radius) {
        for (double[] other : placed) {
            if (Math.hypot(other[0] - x, other[1] - y) < other[2] + radius) {
                return true;
            }
        }
        return false;
    }
}
