package io.uavstream.simulator.scene;

/**
 * Packed texel colours: {@code 0xAARRGGBB}, where the alpha byte is not opacity but the amplitude
 * of the fine detail texture on that texel (0 = smooth, 255 = strongest grain).
 */
public final class Colors {

    private Colors() {}

    /** Packs red, green and blue (0 to 255, clamped) with detail amplitude {@code detail}. */
    public static int pack(int red, int green, int blue, int detail) {
        return clamp(detail) << 24 | clamp(red) << 16 | clamp(green) << 8 | clamp(blue);
    }

    public static int red(int color) {
        return (color >>> 16) & 0xFF;
    }

    public static int green(int color) {
        return (color >>> 8) & 0xFF;
    }

    public static int blue(int color) {
        return color & 0xFF;
    }

    public static int detail(int color) {
        return color >>> 24;
    }

    /** Scales red, green and blue by {@code factor}, keeping the detail amplitude. */
    public static int scale(int color, double factor) {
        return pack((int) (red(color) * factor + 0.5), (int) (green(color) * factor + 0.5),
                (int) (blue(color) * factor + 0.5), detail(color));
    }

    /** Scales each colour channel by its own factor, keeping the detail amplitude. */
    public static int scale(int color, double redFactor, double greenFactor, double blueFactor) {
        return pack((int) (red(color) * redFactor + 0.5), (int) (green(color) * greenFactor + 0.5),
                (int) (blue(color) * blueFactor + 0.5), detail(color));
    }

    /** Interpolates all four bytes linearly: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
    public static int mix(int a, int b, double t) {
        double s = 1 - t;
        return pack((int) (red(a) * s + red(b) * t + 0.5), (int) (green(a) * s + green(b) * t + 0.5),
                (int) (blue(a) * s + blue(b) * t + 0.5), (int) (detail(a) * s + detail(b) * t + 0.5));
    }

    /** Returns {@code color} with its detail amplitude replaced. */
    public static int withDetail(int color, int detail) {
        return (color & 0x00FFFFFF) | clamp(detail) << 24;
    }

    /** Averages four packed colours byte by byte, rounding, without unpacking them (two lanes per long). */
    public static int average4(int a, int b, int c, int d) {
        long evenLanes = (a & 0x00FF00FFL) + (b & 0x00FF00FFL) + (c & 0x00FF00FFL) + (d & 0x00FF00FFL) + 0x00020002L;
        long oddLanes = ((a >>> 8) & 0x00FF00FFL) + ((b >>> 8) & 0x00FF00FFL) + ((c >>> 8) & 0x00FF00FFL)
                + ((d >>> 8) & 0x00FF00FFL) + 0x00020002L;
        return (int) (((evenLanes >>> 2) & 0x00FF00FFL) | (((oddLanes >>> 2) & 0x00FF00FFL) << 8));
    }

    static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
