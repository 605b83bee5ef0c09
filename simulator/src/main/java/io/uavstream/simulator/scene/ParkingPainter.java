package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Car park: asphalt with rows of marked stalls along aisles, trees on the edge. */
final class ParkingPainter implements BlockPainter {

    private static final double STALL_WIDTH = 2.6;
    private static final double STALL_DEPTH = 5.2;
    private static final double AISLE = 6.5;

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.fillNoisy(block.inner(), Palette.ASPHALT, 0.1, 25);
        double v = frame.minV + 4;
        boolean facingUp = true;
        while (v + STALL_DEPTH < frame.maxV - 4) {
            paintStallRow(frame, context, v + STALL_DEPTH / 2, facingUp);
            v += STALL_DEPTH + (facingUp ? 0 : AISLE);
            facingUp = !facingUp;
        }
        for (double u = frame.minU + 3; u < frame.maxU - 3; u += random.nextDouble(12, 20)) {
            double x = frame.x(u, frame.maxV - 2);
            double y = frame.y(u, frame.maxV - 2);
            if (frame.contains(x, y)) {
                context.addTree(x, y, random.nextDouble(2.5, 3.8), ElevationLevels.LOW_TREE,
                        Palette.CANOPIES[random.nextInt(Palette.CANOPIES.length)]);
            }
        }
    }

    private static void paintStallRow(BlockFrame frame, PaintContext context, double v, boolean facingUp) {
        for (double u = frame.minU + 4; u + STALL_WIDTH < frame.maxU - 4; u += STALL_WIDTH) {
            double[] line = frame.rectangle(u, v, 0.25, STALL_DEPTH);
            if (!frame.containsAll(line, 0.5)) {
                continue;
            }
            context.canvas.fillPolygon(line, (index, x, y) -> context.canvas.colors[index] = Palette.MARKING);
            double[] next = frame.rectangle(u + STALL_WIDTH, v, 0.25, STALL_DEPTH);
            double cx = frame.x(u + STALL_WIDTH / 2, v);
            double cy = frame.y(u + STALL_WIDTH / 2, v);
            if (frame.containsAll(next, 0.5) && context.clearOfRail(cx, cy, 4)) {
                double heading = Math.toDegrees(frame.uHeading) + (facingUp ? -90 : 90);
                context.parkingSpots.add(new ParkingSpot(cx, cy, heading, false));
            }
        }
    }
}
