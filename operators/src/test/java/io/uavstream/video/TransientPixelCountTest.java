package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the artefact check's transient-pixel count against the rule it implements, evaluated by
 * brute force. A pixel is transient when it lies more than the margin outside the luma range of
 * its clamped neighbourhood in both neighbour frames.
 */
class TransientPixelCountTest {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    @Test
    void countMatchesRangeRuleOnNoise() {
        Random random = new Random(7);
        int[][] sizes = {{1, 1}, {5, 3}, {37, 23}, {64, 48}};
        for (int[] size : sizes) {
            LumaPlane before = noise(random, size[0], size[1], 60, 120);
            LumaPlane frame = noise(random, size[0], size[1], 0, 256);
            LumaPlane after = noise(random, size[0], size[1], 60, 120);

            int count = TransientArtefactDetector.countTransientPixels(frame, before, after, UNLIMITED);

            assertThat(count).as("count on %dx%d noise", size[0], size[1])
                    .isEqualTo(bruteForceCount(frame, before, after));
        }
    }

    @Test
    void countMatchesRangeRuleOnSparseSpecks() {
        Random random = new Random(11);
        LumaPlane before = noise(random, 80, 60, 100, 140);
        LumaPlane after = noise(random, 80, 60, 100, 140);
        byte[] pixels = noise(random, 80, 60, 100, 140).pixels();
        for (int speck = 0; speck < 200; speck++) {
            pixels[random.nextInt(pixels.length)] = (byte) (random.nextBoolean() ? 250 : 5);
        }
        LumaPlane frame = new LumaPlane(80, 60, pixels);

        int count = TransientArtefactDetector.countTransientPixels(frame, before, after, UNLIMITED);

        assertThat(count).isPositive();
        assertThat(count).isEqualTo(bruteForceCount(frame, before, after));
    }

    @Test
    void countStopsAtLimit() {
        LumaPlane dark = uniform(40, 30, 10);
        LumaPlane bright = uniform(40, 30, 200);

        int count = TransientArtefactDetector.countTransientPixels(bright, dark, dark, 25);

        assertThat(count).isEqualTo(25);
    }

    @Test
    void neighbourWithinMarginIsNotTransient() {
        byte[] pixels = uniform(20, 20, 10).pixels();
        pixels[10 * 20 + 10 + TransientArtefactDetector.MOTION_RADIUS] = (byte) 200;
        LumaPlane before = new LumaPlane(20, 20, pixels);
        byte[] bright = uniform(20, 20, 10).pixels();
        bright[10 * 20 + 10] = (byte) 200;
        LumaPlane frame = new LumaPlane(20, 20, bright);

        int count = TransientArtefactDetector.countTransientPixels(frame, before, uniform(20, 20, 10), UNLIMITED);

        assertThat(count).isZero();
    }

    @Test
    void thresholdFollowsFrameArea() {
        assertThat(TransientArtefactDetector.minTransientPixels(320 * 240)).isEqualTo(116);
        assertThat(TransientArtefactDetector.minTransientPixels(60 * 40)).isEqualTo(8);
    }

    private static int bruteForceCount(LumaPlane frame, LumaPlane before, LumaPlane after) {
        int count = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int value = frame.at(x, y);
                if (distanceOutside(before, x, y, value) > TransientArtefactDetector.LUMA_MARGIN
                        && distanceOutside(after, x, y, value) > TransientArtefactDetector.LUMA_MARGIN) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Returns how far {@code value} lies outside the luma range of the neighbourhood of (x, y), 0 inside. */
    private static int distanceOutside(LumaPlane plane, int x, int y, int value) {
        int radius = TransientArtefactDetector.MOTION_RADIUS;
        int min = 255;
        int max = 0;
        for (int ny = Math.max(0, y - radius); ny <= Math.min(plane.height() - 1, y + radius); ny++) {
            for (int nx = Math.max(0, x - radius); nx <= Math.min(plane.width() - 1, x + radius); nx++) {
                min = Math.min(min, plane.at(nx, ny));
                max = Math.max(max, plane.at(nx, ny));
            }
        }
        return Math.max(0, Math.max(min - value, value - max));
    }

    private static LumaPlane noise(Random random, int width, int height, int low, int high) {
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (low + random.nextInt(high - low));
        }
        return new LumaPlane(width, height, pixels);
    }

    private static LumaPlane uniform(int width, int height, int value) {
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) value);
        return new LumaPlane(width, height, pixels);
    }
}
