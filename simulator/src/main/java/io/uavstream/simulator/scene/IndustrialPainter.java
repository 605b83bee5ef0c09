package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Industrial estate: concrete yard, one or two large warehouses and a truck parking row. */
final class IndustrialPainter implements BlockPainter {

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        context.fillNoisy(block.inner(), Colors.pack(128, 126, 120, 90), 0.1, 20);
        double spanU = frame.maxU - frame.minU;
        double spanV = frame.maxV - frame.minV;
        int warehouses = spanU > 120 ? 2 : 1;
        double slot = spanU / warehouses;
        for (int w = 0; w < warehouses; w++) {
            double length = Math.min(slot - 12, random.nextDouble(45, 85));
            double width = Math.min(spanV * 0.55, random.nextDouble(28, 50));
            double u = frame.minU + slot * (w + 0.5);
            // Shrink the warehouse until it fits the skewed block.
            for (int attempt = 0; attempt < 6 && length >= 15 && width >= 12; attempt++) {
                double v = (frame.minV + frame.maxV) / 2 + 6;
                double[] footprint = frame.rectangle(u, v, length, width);
                if (frame.containsAll(footprint, 4)
                        && context.clearOfRail(frame.x(u, v), frame.y(u, v), Math.hypot(length, width) / 2)) {
                    int roof = Palette.INDUSTRIAL_ROOFS[random.nextInt(Palette.INDUSTRIAL_ROOFS.length)];
                    context.paintBuilding(footprint, ElevationLevels.TALL_TREE, roof, random);
                    break;
                }
                length *= 0.85;
                width *= 0.85;
            }
        }
        paintTruckStalls(frame, context, random);
    }

    private static void paintTruckStalls(BlockFrame frame, PaintContext context, SplittableRandom random) {
        double v = frame.minV + 12;
        for (double u = frame.minU + 8; u < frame.maxU - 8; u += 4.5) {
            double[] stall = frame.rectangle(u, v, 0.3, 17);
            double x = frame.x(u + 2.25, v);
            double y = frame.y(u + 2.25, v);
            if (!frame.containsAll(stall, 0) || !context.clearOfRail(x, y, 10)) {
                continue;
            }
            context.canvas.fillPolygon(stall, (index, px, py) -> context.canvas.colors[index] = Palette.MARKING);
            if (u + 4.5 < frame.maxU - 8) {
                context.parkingSpots.add(new ParkingSpot(x, y, Math.toDegrees(frame.uHeading) + 90, true));
            }
        }
    }
}
