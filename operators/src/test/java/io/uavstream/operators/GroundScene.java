package io.uavstream.operators;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import io.uavstream.models.BgrImage;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A textured flat ground rendered by a nadir camera at 80 m flying east at 10 m/s, 10 frames per
 * second, 640x480 with fx = fy = 500: frames with known poses for odometry tests without the
 * simulator. The same seed renders the same frames.
 */
final class GroundScene implements AutoCloseable {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final double FOCAL = 500;
    private static final double TEXEL_METRES = 0.15;
    private static final int TEXELS = 2048;

    private final Mat texture;

    GroundScene(long seed) {
        Random random = new Random(seed);
        byte[] noise = new byte[TEXELS * TEXELS];
        random.nextBytes(noise);
        Mat raw = new Mat(TEXELS, TEXELS, CV_8UC1, new BytePointer(noise));
        texture = new Mat();
        GaussianBlur(raw, texture, new Size(0, 0), 2.0);
        raw.close();
        for (int i = 0; i < 3000; i++) {
            Rect rect = new Rect(random.nextInt(TEXELS), random.nextInt(TEXELS), 6 + random.nextInt(40), 6 + random.nextInt(40));
            rectangle(texture, rect, new Scalar(random.nextInt(256)), FILLED, 8, 0);
        }
    }

    /** Returns the camera's east position in metres at a frame; north is 0 and the height 80 m. */
    static double east(long frame) {
        return -60 + frame;
    }

    /** Renders the BGR frame of a frame number. */
    BgrImage render(long frame) {
        try (PointerScope scope = new PointerScope()) {
            double half = TEXELS * TEXEL_METRES / 2;
            double east = east(frame);
            double height = 80;
            // Nadir camera with image x to the east and image y to the south, so a ground point (e, n)
            // appears at (cx + f (e - east) / height, cy - f n / height); m maps texels to pixels.
            double[] m = {
                FOCAL * TEXEL_METRES / height, 0, FOCAL * (-half + 0.5 * TEXEL_METRES - east) / height + WIDTH / 2.0 - 0.5,
                0, FOCAL * TEXEL_METRES / height, -FOCAL * (half - 0.5 * TEXEL_METRES) / height + HEIGHT / 2.0 - 0.5,
                0, 0, 1
            };
            Mat homography = new Mat(3, 3, CV_64FC1);
            try (DoubleIndexer indexer = homography.createIndexer()) {
                for (int i = 0; i < 9; i++) {
                    indexer.put(i / 3, i % 3, m[i]);
                }
            }
            Mat grey = new Mat();
            warpPerspective(texture, grey, homography, new Size(WIDTH, HEIGHT), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0));
            Mat bgr = new Mat();
            cvtColor(grey, bgr, COLOR_GRAY2BGR);
            byte[] pixels = new byte[WIDTH * HEIGHT * 3];
            bgr.data().get(pixels);
            return new BgrImage(WIDTH, HEIGHT, pixels);
        }
    }

    @Override
    public void close() {
        texture.close();
    }
}
