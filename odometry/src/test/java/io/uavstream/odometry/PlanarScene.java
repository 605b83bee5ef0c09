package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A textured flat ground (z = 0) rendered through a pinhole camera with OpenCV's perspective
 * warp: exact ground truth for odometry tests without the simulator. The texture is random
 * rectangles and discs on blurred noise, 0.15 m per texel, centred on the world origin.
 */
final class PlanarScene implements AutoCloseable {

    static final double TEXEL_METRES = 0.15;
    static final int TEXELS = 4096;

    private final Mat texture;

    PlanarScene(long seed) {
        Random random = new Random(seed);
        byte[] noise = new byte[TEXELS * TEXELS];
        random.nextBytes(noise);
        Mat raw = new Mat(TEXELS, TEXELS, CV_8UC1, new BytePointer(noise));
        texture = new Mat();
        GaussianBlur(raw, texture, new Size(0, 0), 2.0);
        raw.close();
        for (int i = 0; i < 6000; i++) {
            int x = random.nextInt(TEXELS);
            int y = random.nextInt(TEXELS);
            Scalar grey = new Scalar(random.nextInt(256));
            if (random.nextBoolean()) {
                rectangle(texture, new Rect(x, y, 6 + random.nextInt(40), 6 + random.nextInt(40)), grey, FILLED, 8, 0);
            } else {
                circle(texture, new Point(x, y), 3 + random.nextInt(15), grey, FILLED, 8, 0);
            }
        }
    }

    /** Renders the grey frame of a camera with the given camera-to-world rotation and centre (metres). */
    GreyImage render(CameraModel camera, double[] cameraToWorld, double[] centre) {
        try (PointerScope scope = new PointerScope()) {
            double[] w = Rotations.transpose(cameraToWorld);
            double[] t = Rotations.scale(Rotations.apply(w, centre[0], centre[1], centre[2]), -1);
            double[] k = {camera.fx(), 0, camera.cx() - 0.5, 0, camera.fy(), camera.cy() - 0.5, 0, 0, 1};
            double[] planeToImage = {w[0], w[1], t[0], w[3], w[4], t[1], w[6], w[7], t[2]};
            double half = TEXELS * TEXEL_METRES / 2;
            double[] texelToPlane = {TEXEL_METRES, 0, -half + 0.5 * TEXEL_METRES, 0, -TEXEL_METRES,
                half - 0.5 * TEXEL_METRES, 0, 0, 1};
            double[] m = Rotations.multiply(k, Rotations.multiply(planeToImage, texelToPlane));
            Mat out = new Mat();
            warpPerspective(texture, out, OpenCvMats.doubles(3, 3, m), new Size(camera.width(), camera.height()),
                    INTER_LINEAR, BORDER_CONSTANT, new Scalar(0));
            byte[] pixels = new byte[camera.width() * camera.height()];
            out.data().get(pixels);
            return new GreyImage(camera.width(), camera.height(), pixels);
        }
    }

    /** Returns the rotation of a camera looking straight down with image up to the north, tilted about east by {@code pitchDegrees}. */
    static double[] nadir(double pitchDegrees, double headingDegrees) {
        double[] down = {1, 0, 0, 0, -1, 0, 0, 0, -1};
        double p = Math.toRadians(pitchDegrees);
        double[] tilt = {1, 0, 0, 0, Math.cos(p), -Math.sin(p), 0, Math.sin(p), Math.cos(p)};
        double h = Math.toRadians(-headingDegrees);
        double[] yaw = {Math.cos(h), -Math.sin(h), 0, Math.sin(h), Math.cos(h), 0, 0, 0, 1};
        return Rotations.multiply(yaw, Rotations.multiply(tilt, down));
    }

    @Override
    public void close() {
        texture.close();
    }
}
