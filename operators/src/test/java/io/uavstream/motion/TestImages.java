package io.uavstream.motion;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import io.uavstream.models.BgrImage;
import io.uavstream.tracking.geometry.Homography;
import java.nio.file.Path;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Builds test images for the motion estimator with OpenCV. */
final class TestImages {

    private TestImages() {}

    /**
     * Returns a smooth random texture: grey noise of one value per 8x8 pixels, upscaled with
     * bicubic interpolation, which gives corners everywhere.
     */
    static BgrImage texture(int width, int height, long seed) {
        byte[] noise = new byte[(width / 8) * (height / 8)];
        new Random(seed).nextBytes(noise);
        try (PointerScope scope = new PointerScope()) {
            Mat small = new Mat(height / 8, width / 8, CV_8UC1, new BytePointer(noise));
            Mat grey = new Mat();
            resize(small, grey, new Size(width, height), 0, 0, INTER_CUBIC);
            Mat bgr = new Mat();
            cvtColor(grey, bgr, COLOR_GRAY2BGR);
            return toImage(bgr);
        }
    }

    /** Returns {@code image} moved by {@code motion}: a point p of the image appears at motion(p). */
    static BgrImage warp(BgrImage image, Homography motion) {
        try (PointerScope scope = new PointerScope()) {
            Mat source = new Mat(image.height(), image.width(), CV_8UC3, new BytePointer(image.pixels()));
            Mat matrix = new Mat(3, 3, CV_64FC1, new DoublePointer(motion.toArray()));
            Mat target = new Mat();
            warpPerspective(source, target, matrix, new Size(image.width(), image.height()), INTER_LINEAR,
                    BORDER_REFLECT, new Scalar());
            return toImage(target);
        }
    }

    /** Reads an image file as BGR24. */
    static BgrImage read(Path file) {
        try (PointerScope scope = new PointerScope()) {
            Mat bgr = imread(file.toString());
            if (bgr.empty()) {
                throw new IllegalArgumentException("OpenCV could not read " + file);
            }
            return toImage(bgr);
        }
    }

    private static BgrImage toImage(Mat bgr) {
        byte[] pixels = new byte[bgr.cols() * bgr.rows() * 3];
        bgr.data().get(pixels);
        return new BgrImage(bgr.cols(), bgr.rows(), pixels);
    }
}
