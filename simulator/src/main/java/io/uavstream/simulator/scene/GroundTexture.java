package io.uavstream.simulator.scene;

import java.util.stream.IntStream;

/**
 * The lit ground colours of a scene as a mipmap pyramid: level 0 is the painted raster, each
 * further level halves the resolution by averaging 2x2 texels, down to 1x1. Texels are packed as
 * in {@link Colors}. The arrays are shared with the renderer and must not be modified.
 */
public final class GroundTexture {

    private final int[][] levels;
    private final int[] log2Sizes;

    /** Builds the pyramid over {@code level0}, a square raster whose side {@code size} is a power of two. */
    GroundTexture(int[] level0, int size) {
        if (Integer.bitCount(size) != 1 || level0.length != size * size) {
            throw new IllegalArgumentException("ground texture must be square with a power-of-two side, got side "
                    + size + " and " + level0.length + " texels");
        }
        int count = Integer.numberOfTrailingZeros(size) + 1;
        this.levels = new int[count][];
        this.log2Sizes = new int[count];
        levels[0] = level0;
        log2Sizes[0] = Integer.numberOfTrailingZeros(size);
        for (int k = 1; k < count; k++) {
            levels[k] = downsample(levels[k - 1], size >> (k - 1));
            log2Sizes[k] = log2Sizes[0] - k;
        }
    }

    /** Returns the number of levels, level 0 included. */
    public int levelCount() {
        return levels.length;
    }

    /** Returns the texels of level {@code k}, row-major. */
    public int[] level(int k) {
        return levels[k];
    }

    /** Returns log2 of the side of level {@code k}. */
    public int log2Size(int k) {
        return log2Sizes[k];
    }

    static int[] downsample(int[] source, int sourceSize) {
        int size = sourceSize / 2;
        int[] target = new int[size * size];
        IntStream.range(0, size).parallel().forEach(j -> {
            int top = 2 * j * sourceSize;
            int bottom = top + sourceSize;
            for (int i = 0; i < size; i++) {
                target[j * size + i] = Colors.average4(source[top + 2 * i], source[top + 2 * i + 1],
                        source[bottom + 2 * i], source[bottom + 2 * i + 1]);
            }
        });
        return target;
    }
}
