package io.uavstream.models;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Reads image files into {@link BgrImage}s and writes images with detections drawn on them. */
public final class BgrImages {

    /** Hue step between consecutive class IDs: the golden ratio spreads hues evenly. */
    private static final float HUE_STEP = 0.618034f;

    private BgrImages() {}

    /**
     * Reads a JPEG or PNG file (or any format javax.imageio can decode) into a BGR image.
     *
     * @throws IOException if the file cannot be read or no installed reader can decode it
     */
    public static BgrImage read(Path file) throws IOException {
        BufferedImage decoded = ImageIO.read(file.toFile());
        if (decoded == null) {
            throw new IOException("No javax.imageio reader can decode " + file
                    + "; expected a JPEG or PNG image");
        }
        return fromBufferedImage(decoded);
    }

    /** Converts {@code image} to packed BGR24, dropping any alpha channel. */
    public static BgrImage fromBufferedImage(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(),
                    BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = bgr.createGraphics();
            try {
                graphics.drawImage(image, 0, 0, null);
            } finally {
                graphics.dispose();
            }
        }
        // TYPE_3BYTE_BGR stores each pixel as the bytes B, G, R, rows without padding.
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        return new BgrImage(bgr.getWidth(), bgr.getHeight(), pixels.clone());
    }

    /** Copies {@code image} into a new {@link BufferedImage#TYPE_3BYTE_BGR} image. */
    public static BufferedImage toBufferedImage(BgrImage image) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(),
                BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) buffered.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.pixels(), 0, target, 0, target.length);
        return buffered;
    }

    /**
     * Writes {@code image} as a PNG with each detection drawn as a box labelled with its class
     * name and score, for a person to check. Missing parent folders are created.
     */
    public static void writePng(BgrImage image, List<Detection> detections, Path file)
            throws IOException {
        BufferedImage canvas = toBufferedImage(image);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int lineWidth = Math.max(2, Math.min(image.width(), image.height()) / 200);
            graphics.setStroke(new BasicStroke(lineWidth));
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, 6 * lineWidth)));
            for (Detection detection : detections) {
                drawDetection(graphics, detection);
            }
        } finally {
            graphics.dispose();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(canvas, "png", file.toFile())) {
            throw new IOException("No javax.imageio PNG writer is installed; cannot write " + file);
        }
    }

    private static void drawDetection(Graphics2D graphics, Detection detection) {
        float hue = (detection.classId() * HUE_STEP) % 1f;
        Color color = Color.getHSBColor(hue, 0.85f, 0.8f);
        int x = Math.round(detection.x1());
        int y = Math.round(detection.y1());
        int width = Math.round(detection.width());
        int height = Math.round(detection.height());
        graphics.setColor(color);
        graphics.drawRect(x, y, width, height);

        String label = String.format(Locale.ROOT, "%s %.2f", detection.className(),
                detection.score());
        FontMetrics metrics = graphics.getFontMetrics();
        int labelHeight = metrics.getHeight();
        int labelY = y >= labelHeight ? y - labelHeight : y;
        graphics.fillRect(x, labelY, metrics.stringWidth(label) + 6, labelHeight);
        graphics.setColor(Color.WHITE);
        graphics.drawString(label, x + 3, labelY + metrics.getAscent());
    }
}
