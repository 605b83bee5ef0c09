package io.uavstream.simulator.output;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Saves rendered frames (before encoding) as PNG files, for looking at them. */
public final class SnapshotWriter {

    private SnapshotWriter() {}

    /** Writes packed BGR24 pixels to {@code file} as PNG. */
    public static void write(Path file, byte[] bgr, int width, int height) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(bgr, 0, target, 0, 3 * width * height);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available for " + file);
        }
    }
}
