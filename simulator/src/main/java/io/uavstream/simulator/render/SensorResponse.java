package io.uavstream.simulator.render;

import java.util.SplittableRandom;

/**
 * The camera's exposure, white balance, gamma and read noise, applied as the last step of a
 * frame: each channel goes through its own 256-entry table, then a luminance noise value is added.
 * The noise comes from a fixed table read at a per-frame offset, so it changes every frame and
 * stays reproducible.
 */
public final class SensorResponse {

    private static final int NOISE_TABLE_BITS = 18;

    private final byte[] redTable = new byte[256];
    private final byte[] greenTable = new byte[256];
    private final byte[] blueTable = new byte[256];
    private final byte[] noise = new byte[1 << NOISE_TABLE_BITS];
    private final double exposureGain;
    private final double noiseSigma;

    /**
     * Creates a response.
     *
     * @param exposureGain overall brightness factor, 0.5 to 2
     * @param redBalance white-balance factor on red, 0.5 to 1.5
     * @param blueBalance white-balance factor on blue, 0.5 to 1.5
     * @param gamma exponent applied to normalized intensities, 0.5 to 2
     * @param noiseSigma standard deviation of the read noise in 8-bit levels, 0 to 10
     * @param seed seed of the noise table
     */
    public SensorResponse(double exposureGain, double redBalance, double blueBalance, double gamma, double noiseSigma, long seed) {
        check("exposure gain", exposureGain, 0.5, 2);
        check("red balance", redBalance, 0.5, 1.5);
        check("blue balance", blueBalance, 0.5, 1.5);
        check("gamma", gamma, 0.5, 2);
        check("noise sigma", noiseSigma, 0, 10);
        this.exposureGain = exposureGain;
        this.noiseSigma = noiseSigma;
        fill(redTable, exposureGain * redBalance, gamma);
        fill(greenTable, exposureGain, gamma);
        fill(blueTable, exposureGain * blueBalance, gamma);
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (byte) Math.max(-127, Math.min(127, Math.round(gaussian(random) * noiseSigma)));
        }
    }

    /** Returns a neutral response: no gain, balance, gamma or noise. */
    public static SensorResponse neutral() {
        return new SensorResponse(1, 1, 1, 1, 0, 0);
    }

    /** Draws a camera with slightly different exposure, white balance and noise, as two drones of a fleet would have. */
    public static SensorResponse random(SplittableRandom random) {
        return new SensorResponse(random.nextDouble(0.88, 1.12), random.nextDouble(0.94, 1.06),
                random.nextDouble(0.94, 1.06), random.nextDouble(0.92, 1.08), random.nextDouble(1.0, 2.5), random.nextLong());
    }

    public double exposureGain() {
        return exposureGain;
    }

    public double noiseSigma() {
        return noiseSigma;
    }

    /** Converts packed 0xRRGGBB pixels to BGR24 bytes through the tables, adding noise read from {@code noiseOffset}. */
    void toBgr(int[] rgb, byte[] bgr, int noiseOffset) {
        int mask = noise.length - 1;
        boolean noisy = noiseSigma > 0;
        for (int p = 0, o = 0; p < rgb.length; p++, o += 3) {
            int c = rgb[p];
            int red = redTable[(c >>> 16) & 0xFF] & 0xFF;
            int green = greenTable[(c >>> 8) & 0xFF] & 0xFF;
            int blue = blueTable[c & 0xFF] & 0xFF;
            if (noisy) {
                int n = noise[(p + noiseOffset) & mask];
                red = clamp(red + n);
                green = clamp(green + n);
                blue = clamp(blue + n);
            }
            bgr[o] = (byte) blue;
            bgr[o + 1] = (byte) green;
            bgr[o + 2] = (byte) red;
        }
    }

    private static void fill(byte[] table, double gain, double gamma) {
        for (int k = 0; k < 256; k++) {
            double value = Math.pow(Math.min(1, k / 255.0 * gain), gamma);
            table[k] = (byte) Math.round(value * 255);
        }
    }

    /** Returns a standard normal draw by the Box-Muller transform, the same on every JVM. */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
