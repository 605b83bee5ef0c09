package io.uavstream.ingest;

/**
 * Paints the deterministic BGR24 frames of {@link SyntheticVideo}: a textured background that
 * scrolls diagonally, and three solid rectangles that bounce between the frame edges.
 *
 * <p>Frame {@code n} depends only on {@code n} and the frame size, so every run writes the same
 * pictures.
 */
final class SyntheticFramePainter {

    /** Blue, green, red of each rectangle. */
    private static final int[][] RECTANGLE_COLORS = {{40, 40, 220}, {40, 200, 40}, {230, 160, 20}};

    private final int width;
    private final int height;
    private final int[][] rectangles;

    SyntheticFramePainter(int width, int height) {
        this.width = width;
        this.height = height;
        // Per rectangle: width, height, start x, start y, x speed and y speed in pixels per frame.
        this.rectangles = new int[][] {
            {width / 5, height / 6, width / 10, height / 8, 3, 2},
            {width / 8, height / 4, width / 2, height / 3, -2, 3},
            {width / 6, height / 7, width / 3, height * 2 / 3, 4, -1},
        };
    }

    /** Paints frame {@code index} into {@code pixels}: rows of {@code stride} bytes, 3 bytes (B, G, R) a pixel. */
    void paint(int index, byte[] pixels, int stride) {
        paintBackground(index, pixels, stride);
        for (int i = 0; i < rectangles.length; i++) {
            paintRectangle(index, rectangles[i], RECTANGLE_COLORS[i], pixels, stride);
        }
    }

    private void paintBackground(int index, byte[] pixels, int stride) {
        int offsetX = 2 * index;
        int offsetY = index;
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int textureY = y + offsetY;
            for (int x = 0; x < width; x++) {
                int textureX = x + offsetX;
                int checker = ((textureX >> 4) + (textureY >> 4)) & 1;
                int position = row + 3 * x;
                pixels[position] = (byte) (60 + 80 * checker + (textureY & 31));
                pixels[position + 1] = (byte) (((textureX ^ textureY) & 63) + 64);
                pixels[position + 2] = (byte) (90 + (textureX & 63));
            }
        }
    }

    private void paintRectangle(int index, int[] rectangle, int[] color, byte[] pixels, int stride) {
        int rectangleWidth = Math.max(2, rectangle[0]);
        int rectangleHeight = Math.max(2, rectangle[1]);
        int left = bounce(rectangle[2] + rectangle[4] * index, width - rectangleWidth);
        int top = bounce(rectangle[3] + rectangle[5] * index, height - rectangleHeight);
        for (int y = top; y < top + rectangleHeight; y++) {
            for (int x = left; x < left + rectangleWidth; x++) {
                int position = y * stride + 3 * x;
                pixels[position] = (byte) color[0];
                pixels[position + 1] = (byte) color[1];
                pixels[position + 2] = (byte) color[2];
            }
        }
    }

    /** Folds an unbounded coordinate into [0, limit] as if it bounced off both ends. */
    static int bounce(int coordinate, int limit) {
        if (limit <= 0) {
            return 0;
        }
        int period = 2 * limit;
        int phase = Math.floorMod(coordinate, period);
        return phase <= limit ? phase : period - phase;
    }
}
