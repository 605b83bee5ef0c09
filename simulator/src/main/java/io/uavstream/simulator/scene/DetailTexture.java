package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/**
 * A tileable grain texture that adds the structure below the ground texel size: gravel, grass,
 * asphalt grain, at scales from {@link #TEXEL_METRES} to about 1.5 m. Values are brightness factors
 * in 8.8 fixed point (256 = 1.0), and mip levels average towards 256.
 */
public final class DetailTexture {

    /** Side of the tile in texels. */
    public static final int SIZE = 1024;
    public static final int LOG2_SIZE = 10;
    /** Size of one detail texel on the ground, in metres: the tile repeats every 25.6 m. */
    public static final double TEXEL_METRES = 0.025;

    private static final int[] CELL_SIZES = {64, 32, 16, 8, 4, 2};
    private static final double[] AMPLITUDES = {0.22, 0.26, 0.3, 0.3, 0.26, 0.18};

    private final int[][] levels;

    DetailTexture(long seed) {
        int[] base = new int[SIZE * SIZE];
        double[] values = new double[SIZE * SIZE];
        for (int octave = 0; octave < CELL_SIZES.length; octave++) {
            addTileableOctave(values, CELL_SIZES[octave], AMPLITUDES[octave], (int) seed + 31 * octave);
        }
        addSpeckles(values, new SplittableRandom(seed));
        for (int k = 0; k < base.length; k++) {
            base[k] = (int) Math.round(256 * Math.max(0.3, Math.min(1.7, 1 + values[k])));
        }
        int count = LOG2_SIZE + 1;
        levels = new int[count][];
        levels[0] = base;
        for (int k = 1; k < count; k++) {
            levels[k] = downsample(levels[k - 1], SIZE >> (k - 1));
        }
    }

    /** Returns the number of levels, level 0 included. */
    public int levelCount() {
        return levels.length;
    }

    /** Returns the factors of level {@code k}, row-major, side {@code SIZE >> k}. */
    public int[] level(int k) {
        return levels[k];
    }

    private static void addTileableOctave(double[] values, int cellSize, double amplitude, int seed) {
        int cells = SIZE / cellSize;
        for (int y = 0; y < SIZE; y++) {
            double fy = (double) y / cellSize;
            int iy = (int) fy;
            double ty = smooth(fy - iy);
            for (int x = 0; x < SIZE; x++) {
                double fx = (double) x / cellSize;
                int ix = (int) fx;
                double tx = smooth(fx - ix);
                double a = lattice(ix % cells, iy % cells, seed);
                double b = lattice((ix + 1) % cells, iy % cells, seed);
                double c = lattice(ix % cells, (iy + 1) % cells, seed);
                double d = lattice((ix + 1) % cells, (iy + 1) % cells, seed);
                double top = a + (b - a) * tx;
                double bottom = c + (d - c) * tx;
                values[y * SIZE + x] += amplitude * (top + (bottom - top) * ty - 0.5) * 2;
            }
        }
    }

    /** Adds small dark and bright spots (stones, tufts) with sharp edges, which give corners for feature trackers. */
    private static void addSpeckles(double[] values, SplittableRandom random) {
        for (int s = 0; s < 9000; s++) {
            int cx = random.nextInt(SIZE);
            int cy = random.nextInt(SIZE);
            int radius = 1 + random.nextInt(4);
            double delta = random.nextBoolean() ? random.nextDouble(0.2, 0.45) : -random.nextDouble(0.2, 0.45);
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    if (dx * dx + dy * dy <= radius * radius) {
                        int x = (cx + dx) & (SIZE - 1);
                        int y = (cy + dy) & (SIZE - 1);
                        values[y * SIZE + x] += delta;
                    }
                }
            }
        }
    }

    private static double lattice(int x, int y, int seed) {
        return (ValueNoise.hash(x, y, seed) >>> 8) / (double) (1 << 24);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static int[] downsample(int[] source, int sourceSize) {
        int size = sourceSize / 2;
        int[] target = new int[size * size];
        for (int j = 0; j < size; j++) {
            int top = 2 * j * sourceSize;
            int bottom = top + sourceSize;
            for (int i = 0; i < size; i++) {
                target[j * size + i] = (source[top + 2 * i] + source[top + 2 * i + 1]
                        + source[bottom + 2 * i] + source[bottom + 2 * i + 1] + 2) >> 2;
            }
        }
        return target;
    }
}
