package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Park: mottled grass, an optional pond and clusters of trees. Its footpath is a road-network edge. */
final class ParkPainter implements BlockPainter {

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.canvas.fillPolygon(block.inner(), (index, x, y) -> {
            double n = context.noise.fractal(x / 14, y / 14, 3);
            int color = Colors.mix(Palette.GRASS, Palette.DRY_GRASS, Math.max(0, n - 0.45) * 1.6);
            context.canvas.colors[index] = color;
        });
        if (random.nextDouble() < 0.5) {
            paintPond(frame, context, random);
        }
        int clusters = 3 + random.nextInt(4);
        for (int c = 0; c < clusters; c++) {
            double u = random.nextDouble(frame.minU, frame.maxU);
            double v = random.nextDouble(frame.minV, frame.maxV);
            int trees = 4 + random.nextInt(9);
            for (int t = 0; t < trees; t++) {
                double x = frame.x(u + random.nextDouble(-18, 18), v + random.nextDouble(-18, 18));
                double y = frame.y(u + random.nextDouble(-18, 18), v + random.nextDouble(-18, 18));
                if (frame.contains(x, y)) {
                    int level = random.nextDouble() < 0.6 ? ElevationLevels.TALL_TREE : ElevationLevels.LOW_TREE;
                    context.addTree(x, y, random.nextDouble(2.5, 5.5), level,
                            Palette.CANOPIES[random.nextInt(Palette.CANOPIES.length)]);
                }
            }
        }
    }

    private static void paintPond(BlockFrame frame, PaintContext context, SplittableRandom random) {
        double cu = random.nextDouble(frame.minU * 0.4, frame.maxU * 0.4);
        double cv = random.nextDouble(frame.minV * 0.4, frame.maxV * 0.4);
        double radiusU = random.nextDouble(12, 28);
        double radiusV = random.nextDouble(8, 20);
        double cx = frame.x(cu, cv);
        double cy = frame.y(cu, cv);
        double reach = Math.max(radiusU, radiusV) + 3;
        context.canvas.fillCircle(cx, cy, reach, (index, x, y) -> {
            double du = (x - cx) * frame.ux + (y - cy) * frame.uy;
            double dv = -(x - cx) * frame.uy + (y - cy) * frame.ux;
            double r = Math.hypot(du / radiusU, dv / radiusV);
            if (r < 1) {
                context.canvas.colors[index] = Colors.scale(Palette.WATER, 0.95 + 0.1 * context.noise.sample(x / 4, y / 4));
            } else if (r < 1.12) {
                context.canvas.colors[index] = Palette.PATH;
            }
        });
    }
}
