package io.uavstream.simulator.scene;

/**
 * Seeded 2D value noise: random values on an integer lattice, blended with a smoothstep. Pure
 * function of the seed and the coordinates, so it is safe to call from several threads.
 */
public final class ValueNoise {

    private final int seed;

    public ValueNoise(long seed) {
        this.seed = (int) (seed ^ (seed >>> 32));
    }

    /** Returns the noise at (x, y) in lattice units, in [0, 1]. */
    public double sample(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int ix = (int) fx;
        int iy = (int) fy;
        double tx = smooth(x - fx);
        double ty = smooth(y - fy);
        double top = lerp(lattice(ix, iy), lattice(ix + 1, iy), tx);
        double bottom = lerp(lattice(ix, iy + 1), lattice(ix + 1, iy + 1), tx);
        return lerp(top, bottom, ty);
    }

    /**
     * Returns fractal noise at (x, y): {@code octaves} layers, each at twice the frequency and half
     * the amplitude of the one before, normalized to [0, 1].
     */
    public double fractal(double x, double y, int octaves) {
        double sum = 0;
        double amplitude = 1;
        double total = 0;
        double frequency = 1;
        for (int i = 0; i < octaves; i++) {
            sum += amplitude * sample(x * frequency + 17.3 * i, y * frequency - 11.9 * i);
            total += amplitude;
            amplitude *= 0.5;
            frequency *= 2;
        }
        return sum / total;
    }

    /** Returns the lattice value at (ix, iy) in [0, 1]. */
    public double lattice(int ix, int iy) {
        return (hash(ix, iy, seed) >>> 8) / (double) (1 << 24);
    }

    /** Mixes three integers into 32 well-distributed bits. */
    static int hash(int x, int y, int seed) {
        int h = seed ^ (x * 0x27D4EB2D) ^ (y * 0x165667B1);
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
