package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/** Converts decoded frames to the grey images that the odometry takes. */
public final class FrameConversion {

    private FrameConversion() {
    }

    /** Converts a packed BGR24 frame ({@code width * height * 3} bytes) to grey with OpenCV's weights. */
    public static GreyImage toGrey(int width, int height, byte[] bgr) {
        if (bgr == null || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("A BGR24 frame of " + width + "x" + height + " needs "
                    + width * height * 3 + " bytes, got " + (bgr == null ? "null" : bgr.length));
        }
        try (PointerScope scope = new PointerScope()) {
            Mat colour = new Mat(height, width, CV_8UC3, new BytePointer(bgr));
            Mat grey = new Mat(height, width, CV_8UC1);
            cvtColor(colour, grey, COLOR_BGR2GRAY);
            byte[] pixels = new byte[width * height];
            grey.data().get(pixels);
            return new GreyImage(width, height, pixels);
        }
    }
}
