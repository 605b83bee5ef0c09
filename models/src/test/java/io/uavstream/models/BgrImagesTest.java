package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgrImagesTest {

    @TempDir
    Path dir;

    private static BgrImage gradient(int width, int height) {
        byte[] pixels = new byte[3 * width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 3 * (y * width + x);
                pixels[i] = (byte) (x * 10);
                pixels[i + 1] = (byte) (y * 10);
                pixels[i + 2] = (byte) 200;
            }
        }
        return new BgrImage(width, height, pixels);
    }

    @Test
    void pngRoundTripKeepsPixels() throws IOException {
        BgrImage image = gradient(20, 10);
        Path file = dir.resolve("plain.png");

        BgrImages.writePng(image, List.of(), file);
        BgrImage read = BgrImages.read(file);

        assertThat(read.width()).isEqualTo(20);
        assertThat(read.height()).isEqualTo(10);
        assertThat(read.pixels()).isEqualTo(image.pixels());
    }

    @Test
    void rgbPngReadsAsBgr() throws IOException {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x0000FF);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(rgb, "png", file.toFile());

        BgrImage read = BgrImages.read(file);

        assertThat(read.pixels()).containsExactly(0, 0, (byte) 255, (byte) 255, 0, 0);
    }

    @Test
    void detectionBoxIsDrawn() throws IOException {
        BgrImage image = new BgrImage(100, 100, new byte[3 * 100 * 100]);
        Path file = dir.resolve("boxes/drawn.png");

        BgrImages.writePng(image, List.of(new Detection(0, "person", 0.9f, 20, 40, 80, 90)), file);
        BgrImage read = BgrImages.read(file);

        int bottomEdge = 3 * (90 * 100 + 50);
        int centre = 3 * (65 * 100 + 50);
        assertThat(read.pixels()[bottomEdge + 2] & 0xFF).isGreaterThan(100);
        assertThat(read.pixels()[centre + 2]).isZero();
        assertThat(image.pixels()[bottomEdge + 2]).isZero();
    }

    @Test
    void unreadableFileNamesPath() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "not an image");

        assertThatThrownBy(() -> BgrImages.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }
}
