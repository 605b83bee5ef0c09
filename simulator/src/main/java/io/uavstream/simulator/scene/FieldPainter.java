package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Farmland: the block split into parcels, each with its own crop, row direction and tractor tramlines. */
final class FieldPainter implements BlockPainter {

    @Override
    public void paint(Block block, PaintContext context, SplittableRandom random) {
        BlockFrame frame = new BlockFrame(block);
        int parcels = 1 + random.nextInt(3);
        double span = (frame.maxU - frame.minU) / parcels;
        for (int p = 0; p < parcels; p++) {
            double fromU = frame.minU + p * span;
            double[] strip = frame.rectangle(fromU + span / 2, (frame.minV + frame.maxV) / 2, span, frame.maxV - frame.minV + 2);
            int crop = Palette.FIELD_CROPS[random.nextInt(Palette.FIELD_CROPS.length)];
            int furrow = Colors.scale(crop, random.nextDouble(0.7, 0.85));
            double rowAngle = frame.uHeading + (random.nextBoolean() ? 0 : Math.PI / 2) + random.nextDouble(-0.05, 0.05);
            double rowSpacing = random.nextDouble(1.6, 3.2);
            double tramlineSpacing = random.nextDouble(18, 28);
            double rx = Math.cos(rowAngle);
            double ry = -Math.sin(rowAngle);
            double[] inner = block.inner();
            context.canvas.fillPolygon(strip, (index, x, y) -> {
                if (!Polygons.contains(inner, x, y)) {
                    return;
                }
                double across = x * rx + y * ry;
                double row = 0.5 + 0.5 * Math.sin(2 * Math.PI * across / rowSpacing);
                double n = context.noise.fractal(x / 25, y / 25, 3);
                int color = Colors.mix(furrow, crop, row);
                if (Math.abs(Math.IEEEremainder(across, tramlineSpacing)) < 0.6) {
                    color = Colors.scale(Palette.SOIL, 0.9);
                }
                context.canvas.colors[index] = Colors.scale(color, 0.85 + 0.3 * n);
            });
        }
    }
}
