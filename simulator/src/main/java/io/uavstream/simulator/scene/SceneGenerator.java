package io.uavstream.simulator.scene;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a {@link Scene} from a seed: layout, painting, shadows and lighting, then the mipmaps.
 * The result depends only on the seed and the size; the parallel passes work on disjoint rows.
 */
public final class SceneGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SceneGenerator.class);

    /** Smallest and largest supported scene sides in metres. */
    public static final int MIN_SIZE_METRES = 256;
    public static final int MAX_SIZE_METRES = 4096;

    private SceneGenerator() {}

    /**
     * Generates the scene of {@code seed}, {@code sizeMetres} on a side.
     *
     * @throws IllegalArgumentException unless the size is a power of two from {@link #MIN_SIZE_METRES} to {@link #MAX_SIZE_METRES}
     */
    public static Scene generate(long seed, int sizeMetres) {
        validateSize(sizeMetres);
        long started = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom layoutRandom = root.split();
        Lighting lighting = Lighting.random(root.split());
        SplittableRandom paintRandom = root.split();
        long detailSeed = root.nextLong();

        SceneLayout layout = SceneLayout.generate(sizeMetres, layoutRandom);
        int sizeTexels = (int) Math.round(sizeMetres / Scene.TEXEL_METRES);
        SceneCanvas canvas = new SceneCanvas(sizeTexels, Scene.TEXEL_METRES);
        PaintContext context = new PaintContext(canvas, new ValueNoise(paintRandom.nextLong()), lighting, layout.rail);
        paint(layout, context, paintRandom, sizeMetres);
        byte[] shadow = rasterizeShadows(context);
        applyLighting(canvas, shadow, lighting);
        GroundTexture ground = new GroundTexture(canvas.colors, sizeTexels);
        DetailTexture detail = new DetailTexture(detailSeed);
        Scene scene = new Scene(seed, sizeTexels, ground, canvas.elevation, detail, layout.roads,
                layout.controlPoints, context.parkingSpots, lighting);
        LOG.info("Generated scene of seed {}: {} m square, {} road edges, {} trees, {} shadow casters, {} parking stalls, "
                + "{} control points, sun at azimuth {} elevation {} in {} ms", seed, sizeMetres, layout.roads.edges().size(),
                context.trees.size(), context.casters.size(), context.parkingSpots.size(), layout.controlPoints.size(),
                Math.round(lighting.sunAzimuthDegrees()), Math.round(lighting.sunElevationDegrees()),
                (System.nanoTime() - started) / 1_000_000);
        return scene;
    }

    static void validateSize(int sizeMetres) {
        if (sizeMetres < MIN_SIZE_METRES || sizeMetres > MAX_SIZE_METRES || Integer.bitCount(sizeMetres) != 1) {
            throw new IllegalArgumentException("scene size must be a power of two from " + MIN_SIZE_METRES + " to "
                    + MAX_SIZE_METRES + " metres, got " + sizeMetres);
        }
    }

    private static void paint(SceneLayout layout, PaintContext context, SplittableRandom random, int sizeMetres) {
        java.util.Arrays.fill(context.canvas.colors, Palette.GRASS);
        for (Block block : layout.blocks) {
            SplittableRandom blockRandom = new SplittableRandom(random.nextLong());
            BlockPainter.of(block.landUse()).paint(block, context, blockRandom);
        }
        new RoadPainter(layout.roads, context).paint(random);
        RailPainter.paint(layout.rail, layout.decks, context, sizeMetres);
        TreePainter.plantRoadside(layout.roads, context, random);
        TreePainter.paintAll(context);
        for (GroundControlPoint point : layout.controlPoints) {
            double half = GroundControlPoint.SIDE_METRES / 2;
            double[] square = {point.x() - half, point.y() - half, point.x() + half, point.y() - half,
                point.x() + half, point.y() + half, point.x() - half, point.y() + half};
            context.canvas.fillPolygon(square, (index, x, y) -> {
                context.canvas.colors[index] = Palette.CONTROL_POINT;
                context.canvas.elevation[index] = 0;
            });
        }
    }

    /** Marks every texel that lies lower than a caster and inside the caster's shadow volume footprint. */
    private static byte[] rasterizeShadows(PaintContext context) {
        SceneCanvas canvas = context.canvas;
        byte[] shadow = new byte[canvas.colors.length];
        for (ShadowCaster caster : context.casters) {
            double[] low = context.lighting.shadowOffset(caster.bottom());
            double[] high = context.lighting.shadowOffset(caster.top());
            double[] lowFootprint = Polygons.translate(caster.footprint(), low[0], low[1]);
            double[] highFootprint = Polygons.translate(caster.footprint(), high[0], high[1]);
            double[] both = new double[lowFootprint.length + highFootprint.length];
            System.arraycopy(lowFootprint, 0, both, 0, lowFootprint.length);
            System.arraycopy(highFootprint, 0, both, lowFootprint.length, highFootprint.length);
            double casterTop = caster.top() - 0.5;
            canvas.fillPolygon(Polygons.convexHull(both), (index, x, y) -> {
                if (ElevationLevels.height(canvas.elevation[index] & ElevationLevels.LEVEL_MASK) < casterTop) {
                    shadow[index] = 1;
                }
            });
        }
        return shadow;
    }

    private static void applyLighting(SceneCanvas canvas, byte[] shadow, Lighting lighting) {
        int size = canvas.size;
        IntStream.range(0, size).parallel().forEach(j -> {
            for (int i = j * size; i < (j + 1) * size; i++) {
                double factor = shadow[i] != 0 ? lighting.shadowRatio() : 1;
                canvas.colors[i] = Colors.scale(canvas.colors[i], factor * lighting.redGain(),
                        factor * lighting.greenGain(), factor * lighting.blueGain());
            }
        });
    }
}
