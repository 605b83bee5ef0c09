package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Forest: dark floor under a dense, jittered grid of canopies of mixed heights. */
final class ForestPainter implements BlockPainter {

    private static final double SPACING = 6.5;

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.fillNoisy(block.inner(), Palette.FOREST_FLOOR, 0.2, 6);
        for (double u = frame.minU; u <= frame.maxU; u += SPACING) {
            for (double v = frame.minV; v <= frame.maxV; v += SPACING) {
                if (random.nextDouble() < 0.12) {
                    continue;
                }
                double x = frame.x(u + random.nextDouble(-2, 2), v + random.nextDouble(-2, 2));
                double y = frame.y(u + random.nextDouble(-2, 2), v + random.nextDouble(-2, 2));
                if (!frame.contains(x, y)) {
                    continue;
                }
                double pick = random.nextDouble();
                int level = ElevationLevels.nearest(15);
                if (pick < 0.25) {
                    level = ElevationLevels.LOW_TREE;
                } else if (pick < 0.75) {
                    level = ElevationLevels.TALL_TREE;
                }
                context.addTree(x, y, random.nextDouble(2.8, 4.8), level, Palette.CANOPIES[random.nextInt(3)]);
            }
        }
    }
}
