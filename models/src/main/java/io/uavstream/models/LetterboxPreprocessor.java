package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Writes a {@link BgrImage} into a planar float input tensor [1, 3, H, W]: letterbox with
 * bilinear resize, channel order and per-channel normalisation {@code (pixel - mean) / std}, all
 * as the descriptor sets them.
 *
 * <p>The planar buffer and the resize tables are allocated once and reused. The tables and the
 * padding are recomputed only when the source size changes, so a stream of equally sized frames
 * allocates nothing here. Not thread-safe.
 */
final class LetterboxPreprocessor {

    private final int inputWidth;
    private final int inputHeight;
    private final LetterboxAlignment alignment;
    /** For each model channel, the byte of a BGR pixel it takes: 0 blue, 1 green, 2 red. */
    private final int[] sourceChannel = new int[3];
    private final float[] mean;
    private final float[] inverseStd = new float[3];
    private final float[] normalisedPad = new float[3];
    private final float[] planes;

    private Letterbox letterbox;
    private int[] leftByte;
    private int[] rightByte;
    private float[] rightWeight;
    private int[] topRow;
    private int[] bottomRow;
    private float[] bottomWeight;

    LetterboxPreprocessor(ModelDescriptor descriptor) {
        this.inputWidth = descriptor.inputWidth();
        this.inputHeight = descriptor.inputHeight();
        this.alignment = descriptor.letterbox();
        this.mean = descriptor.mean();
        float[] std = descriptor.std();
        for (int c = 0; c < 3; c++) {
            sourceChannel[c] = descriptor.colorOrder() == ColorOrder.BGR ? c : 2 - c;
            inverseStd[c] = 1f / std[c];
            normalisedPad[c] = (descriptor.padValue() - mean[c]) * inverseStd[c];
        }
        this.planes = new float[3 * inputWidth * inputHeight];
    }

    /**
     * Writes {@code image} into {@code input}, which must hold 3 * H * W floats, and returns the
     * letterbox used, for mapping boxes back.
     */
    Letterbox write(BgrImage image, FloatBuffer input) {
        if (letterbox == null || letterbox.sourceWidth() != image.width()
                || letterbox.sourceHeight() != image.height()) {
            prepare(image.width(), image.height());
        }
        resizeContent(image);
        input.put(0, planes);
        return letterbox;
    }

    private void prepare(int sourceWidth, int sourceHeight) {
        letterbox = Letterbox.of(sourceWidth, sourceHeight, inputWidth, inputHeight, alignment);
        int contentWidth = letterbox.contentWidth();
        int contentHeight = letterbox.contentHeight();

        leftByte = new int[contentWidth];
        rightByte = new int[contentWidth];
        rightWeight = new float[contentWidth];
        fillBilinearTaps(letterbox.scaleX(), sourceWidth, leftByte, rightByte, rightWeight, 3);

        topRow = new int[contentHeight];
        bottomRow = new int[contentHeight];
        bottomWeight = new float[contentHeight];
        fillBilinearTaps(letterbox.scaleY(), sourceHeight, topRow, bottomRow, bottomWeight,
                3 * sourceWidth);

        int planeSize = inputWidth * inputHeight;
        for (int c = 0; c < 3; c++) {
            Arrays.fill(planes, c * planeSize, (c + 1) * planeSize, normalisedPad[c]);
        }
    }

    /**
     * Fills the two source taps and the weight of the second tap for each output position,
     * sampling at pixel centres: source = (output + 0.5) / scale - 0.5, clamped to the image.
     */
    private static void fillBilinearTaps(double scale, int sourceSize, int[] first, int[] second,
            float[] secondWeight, int unit) {
        for (int i = 0; i < first.length; i++) {
            double source = (i + 0.5) / scale - 0.5;
            source = Math.max(0.0, Math.min(source, sourceSize - 1));
            int low = (int) source;
            int high = Math.min(low + 1, sourceSize - 1);
            first[i] = low * unit;
            second[i] = high * unit;
            secondWeight[i] = (float) (source - low);
        }
    }

    private void resizeContent(BgrImage image) {
        byte[] pixels = image.pixels();
        int planeSize = inputWidth * inputHeight;
        int contentWidth = letterbox.contentWidth();
        for (int y = 0; y < letterbox.contentHeight(); y++) {
            int top = topRow[y];
            int bottom = bottomRow[y];
            float wy = bottomWeight[y];
            int rowStart = (letterbox.offsetY() + y) * inputWidth + letterbox.offsetX();
            for (int c = 0; c < 3; c++) {
                int channel = sourceChannel[c];
                float channelMean = mean[c];
                float channelScale = inverseStd[c];
                int out = c * planeSize + rowStart;
                for (int x = 0; x < contentWidth; x++) {
                    int left = leftByte[x] + channel;
                    int right = rightByte[x] + channel;
                    float wx = rightWeight[x];
                    float upper = lerp(pixels[top + left] & 0xFF, pixels[top + right] & 0xFF, wx);
                    float lower = lerp(pixels[bottom + left] & 0xFF,
                            pixels[bottom + right] & 0xFF, wx);
                    planes[out + x] = (lerp(upper, lower, wy) - channelMean) * channelScale;
                }
            }
        }
    }

    private static float lerp(float a, float b, float weight) {
        return a + (b - a) * weight;
    }
}
