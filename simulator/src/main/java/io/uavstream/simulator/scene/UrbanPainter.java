package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Dense city block: paved ground, rows of tall flat-roofed buildings, a few courtyard trees. */
final class UrbanPainter implements BlockPainter {

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.fillNoisy(block.inner(), Palette.PAVING, 0.08, 15);
        double u = frame.minU + 2;
        while (u < frame.maxU - 10) {
            double lotLength = random.nextDouble(22, 42);
            double v = frame.minV + 2;
            while (v < frame.maxV - 10) {
                double lotWidth = random.nextDouble(20, 38);
                placeLot(frame, context, random, u + lotLength / 2, v + lotWidth / 2, lotLength, lotWidth);
                v += lotWidth + random.nextDouble(5, 10);
            }
            u += lotLength + random.nextDouble(5, 12);
        }
    }

    private static void placeLot(BlockFrame frame, PaintContext context, SplittableRandom random,
            double u, double v, double lotLength, double lotWidth) {
        double choice = random.nextDouble();
        double[] footprint = frame.rectangle(u, v, lotLength, lotWidth);
        double radius = Math.hypot(lotLength, lotWidth) / 2;
        if (!frame.containsAll(footprint, 0) || !context.clearOfRail(frame.x(u, v), frame.y(u, v), radius)) {
            return;
        }
        if (choice < 0.12) {
            // A small square with trees instead of a building.
            context.addTree(frame.x(u, v), frame.y(u, v), random.nextDouble(3, 5), ElevationLevels.TALL_TREE,
                    Palette.CANOPIES[random.nextInt(Palette.CANOPIES.length)]);
            return;
        }
        int level = 3 + random.nextInt(ElevationLevels.count() - 3);
        int roof = Palette.ROOFS[random.nextInt(Palette.ROOFS.length)];
        context.paintBuilding(footprint, level, roof, random);
    }
}
