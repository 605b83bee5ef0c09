package io.uavstream.simulator.traffic;

import java.util.SplittableRandom;

/** Colours of vehicles and clothing, drawn with rough real-world frequencies (white, black and grey cars dominate). */
final class Liveries {

    private static final int[] CAR_COLORS = {0xE6E6E4, 0x1E1E22, 0x7A7C80, 0xB4B8BC, 0x2A4A8C, 0xA02424, 0x2E5A3A, 0xC8B48C};
    private static final double[] CAR_WEIGHTS = {0.24, 0.2, 0.18, 0.15, 0.09, 0.08, 0.03, 0.03};
    private static final int[] BUS_COLORS = {0xD8A81C, 0xB02828, 0xE0E0DC, 0x2A58A8, 0x3A7A4A};
    private static final int[] CARGO_COLORS = {0xE8E8E6, 0xC8CACC, 0x3060A0, 0xB03030, 0x507050};
    private static final int[] CLOTHING = {0x202428, 0x2C3E6E, 0x8A2A2A, 0xD0D0CC, 0x4A6A3A, 0xC89A3A, 0x6A4A8A, 0x505458, 0xE07A20};
    private static final int[] HAIR = {0x1A1612, 0x4A3020, 0x8A6A3A, 0x9A9A98, 0xC8A868};

    private Liveries() {}

    /** Returns {body colour, accent colour} for a new object of {@code objectClass}. */
    static int[] draw(ObjectClass objectClass, SplittableRandom random) {
        return switch (objectClass) {
            case CAR -> new int[] {weighted(CAR_COLORS, CAR_WEIGHTS, random), 0};
            case VAN -> new int[] {random.nextDouble() < 0.6 ? 0xEDEDEB : weighted(CAR_COLORS, CAR_WEIGHTS, random), 0};
            case TRUCK -> new int[] {pick(CARGO_COLORS, random), weighted(CAR_COLORS, CAR_WEIGHTS, random)};
            case BUS -> new int[] {pick(BUS_COLORS, random), 0};
            case PEDESTRIAN, BICYCLE, MOTOR -> new int[] {pick(CLOTHING, random), pick(HAIR, random)};
        };
    }

    private static int pick(int[] colors, SplittableRandom random) {
        return colors[random.nextInt(colors.length)];
    }

    private static int weighted(int[] colors, double[] weights, SplittableRandom random) {
        double u = random.nextDouble();
        for (int k = 0; k < colors.length; k++) {
            u -= weights[k];
            if (u < 0) {
                return colors[k];
            }
        }
        return colors[colors.length - 1];
    }
}
