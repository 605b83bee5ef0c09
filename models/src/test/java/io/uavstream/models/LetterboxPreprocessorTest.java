package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterboxPreprocessorTest {

    private static final int SIZE = 8;
    private static final int PLANE = SIZE * SIZE;

    private static ModelDescriptor descriptor(ColorOrder order, LetterboxAlignment alignment) {
        return ModelDescriptor.builder()
                .id("preprocess")
                .format(ModelFormat.YOLOV8)
                .model(Path.of("unused.onnx"))
                .inputWidth(SIZE)
                .inputHeight(SIZE)
                .colorOrder(order)
                .mean(10f, 20f, 30f)
                .std(2f, 4f, 5f)
                .letterbox(alignment)
                .padValue(100)
                .classNames(List.of("person"))
                .build();
    }

    /** Returns a uniform BGR image with the given channel values. */
    private static BgrImage uniform(int width, int height, int blue, int green, int red) {
        byte[] pixels = new byte[3 * width * height];
        for (int i = 0; i < width * height; i++) {
            pixels[3 * i] = (byte) blue;
            pixels[3 * i + 1] = (byte) green;
            pixels[3 * i + 2] = (byte) red;
        }
        return new BgrImage(width, height, pixels);
    }

    private static FloatBuffer inputBuffer() {
        return FloatBuffer.allocate(3 * PLANE);
    }

    @Test
    void contentIsNormalisedInBgrOrder() {
        FloatBuffer input = inputBuffer();
        new LetterboxPreprocessor(descriptor(ColorOrder.BGR, LetterboxAlignment.CENTER))
                .write(uniform(16, 8, 50, 100, 200), input);

        // Row 4 lies inside the 8x4 content, which starts at row 2.
        int pixel = 4 * SIZE + 3;
        assertThat(input.get(pixel)).isCloseTo((50 - 10) / 2f, within(1e-5f));
        assertThat(input.get(PLANE + pixel)).isCloseTo((100 - 20) / 4f, within(1e-5f));
        assertThat(input.get(2 * PLANE + pixel)).isCloseTo((200 - 30) / 5f, within(1e-5f));
    }

    @Test
    void rgbOrderPutsRedFirst() {
        FloatBuffer input = inputBuffer();
        new LetterboxPreprocessor(descriptor(ColorOrder.RGB, LetterboxAlignment.CENTER))
                .write(uniform(8, 8, 50, 100, 200), input);

        assertThat(input.get(0)).isCloseTo((200 - 10) / 2f, within(1e-5f));
        assertThat(input.get(2 * PLANE)).isCloseTo((50 - 30) / 5f, within(1e-5f));
    }

    @Test
    void centredPaddingSurroundsContent() {
        FloatBuffer input = inputBuffer();
        new LetterboxPreprocessor(descriptor(ColorOrder.BGR, LetterboxAlignment.CENTER))
                .write(uniform(16, 8, 50, 100, 200), input);

        float pad = (100 - 10) / 2f;
        float content = (50 - 10) / 2f;
        assertThat(input.get(0)).isEqualTo(pad);
        assertThat(input.get(1 * SIZE)).isEqualTo(pad);
        assertThat(input.get(2 * SIZE)).isEqualTo(content);
        assertThat(input.get(5 * SIZE)).isEqualTo(content);
        assertThat(input.get(6 * SIZE)).isEqualTo(pad);
    }

    @Test
    void topLeftPaddingFollowsContent() {
        FloatBuffer input = inputBuffer();
        new LetterboxPreprocessor(descriptor(ColorOrder.BGR, LetterboxAlignment.TOP_LEFT))
                .write(uniform(16, 8, 50, 100, 200), input);

        assertThat(input.get(0)).isEqualTo((50 - 10) / 2f);
        assertThat(input.get(3 * SIZE + 7)).isEqualTo((50 - 10) / 2f);
        assertThat(input.get(4 * SIZE)).isEqualTo((100 - 10) / 2f);
    }

    @Test
    void bilinearUpscaleInterpolatesNeighbours() {
        // A 2x2 blue ramp upscaled to 8x8: output column x samples source (x + 0.5) / 4 - 0.5.
        byte[] pixels = new byte[12];
        pixels[0] = 0;
        pixels[3] = (byte) 80;
        pixels[6] = 0;
        pixels[9] = (byte) 80;
        FloatBuffer input = inputBuffer();
        new LetterboxPreprocessor(descriptor(ColorOrder.BGR, LetterboxAlignment.CENTER))
                .write(new BgrImage(2, 2, pixels), input);

        float column0 = 0f;
        float column3 = 80f * (3.5f / 4f - 0.5f);
        float column7 = 80f;
        assertThat(input.get(0)).isCloseTo((column0 - 10) / 2f, within(1e-4f));
        assertThat(input.get(3)).isCloseTo((column3 - 10) / 2f, within(1e-4f));
        assertThat(input.get(7)).isCloseTo((column7 - 10) / 2f, within(1e-4f));
    }

    @Test
    void sizeChangeRepaintsPadding() {
        FloatBuffer input = inputBuffer();
        LetterboxPreprocessor preprocessor =
                new LetterboxPreprocessor(descriptor(ColorOrder.BGR, LetterboxAlignment.CENTER));
        preprocessor.write(uniform(8, 8, 50, 100, 200), input);

        Letterbox letterbox = preprocessor.write(uniform(16, 8, 50, 100, 200), input);

        assertThat(letterbox.contentHeight()).isEqualTo(4);
        assertThat(input.get(0)).isEqualTo((100 - 10) / 2f);
    }

    @Test
    void resizeMatchesDirectBilinearExactly() {
        Random random = new Random(3);
        int[][] sources = {{640, 480}, {480, 640}, {5, 3}, {3, 11}, {8, 8}, {1, 1}, {23, 17}};
        for (ColorOrder order : ColorOrder.values()) {
            ModelDescriptor model = ModelDescriptor.builder()
                    .id("preprocess")
                    .format(ModelFormat.YOLOV8)
                    .model(Path.of("unused.onnx"))
                    .inputWidth(41)
                    .inputHeight(29)
                    .colorOrder(order)
                    .mean(10f, 20f, 30f)
                    .std(2f, 4f, 5f)
                    .letterbox(LetterboxAlignment.CENTER)
                    .padValue(100)
                    .classNames(List.of("person"))
                    .build();
            LetterboxPreprocessor preprocessor = new LetterboxPreprocessor(model);
            for (int[] source : sources) {
                byte[] pixels = new byte[3 * source[0] * source[1]];
                random.nextBytes(pixels);
                BgrImage image = new BgrImage(source[0], source[1], pixels);
                FloatBuffer input = FloatBuffer.allocate(3 * 41 * 29);

                Letterbox letterbox = preprocessor.write(image, input);

                float[] expected = directBilinear(image, letterbox, model);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(input.get(i)).as("value %d of %dx%d in %s order", i, source[0], source[1], order)
                            .isEqualTo(expected[i]);
                }
            }
        }
    }

    /**
     * Computes the input tensor with one bilinear lerp per output value, sampling at pixel centres
     * and clamping at the borders, as a reference for the table-driven resize.
     */
    private static float[] directBilinear(BgrImage image, Letterbox letterbox, ModelDescriptor model) {
        int width = model.inputWidth();
        int height = model.inputHeight();
        float[] planes = new float[3 * width * height];
        for (int c = 0; c < 3; c++) {
            float pad = (model.padValue() - model.mean()[c]) * (1f / model.std()[c]);
            Arrays.fill(planes, c * width * height, (c + 1) * width * height, pad);
        }
        byte[] pixels = image.pixels();
        for (int y = 0; y < letterbox.contentHeight(); y++) {
            double sourceY = Math.max(0.0, Math.min((y + 0.5) / letterbox.scaleY() - 0.5, image.height() - 1));
            int top = (int) sourceY;
            int bottom = Math.min(top + 1, image.height() - 1);
            float wy = (float) (sourceY - top);
            for (int x = 0; x < letterbox.contentWidth(); x++) {
                double sourceX = Math.max(0.0, Math.min((x + 0.5) / letterbox.scaleX() - 0.5, image.width() - 1));
                int left = (int) sourceX;
                int right = Math.min(left + 1, image.width() - 1);
                float wx = (float) (sourceX - left);
                for (int c = 0; c < 3; c++) {
                    int channel = model.colorOrder() == ColorOrder.BGR ? c : 2 - c;
                    float upper = lerp(sample(pixels, image, left, top, channel), sample(pixels, image, right, top, channel), wx);
                    float lower = lerp(sample(pixels, image, left, bottom, channel),
                            sample(pixels, image, right, bottom, channel), wx);
                    int out = c * width * height + (letterbox.offsetY() + y) * width + letterbox.offsetX() + x;
                    planes[out] = (lerp(upper, lower, wy) - model.mean()[c]) * (1f / model.std()[c]);
                }
            }
        }
        return planes;
    }

    private static float sample(byte[] pixels, BgrImage image, int x, int y, int channel) {
        return pixels[3 * (y * image.width() + x) + channel] & 0xFF;
    }

    private static float lerp(float a, float b, float weight) {
        return a + (b - a) * weight;
    }
}
