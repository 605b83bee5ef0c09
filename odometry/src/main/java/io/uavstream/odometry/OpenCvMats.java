package io.uavstream.odometry;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Copies between Java arrays and OpenCV matrices. Every matrix made here owns native memory that
 * the caller's {@code PointerScope} frees.
 */
final class OpenCvMats {

    private OpenCvMats() {
    }

    static Mat grey(GreyImage image) {
        return new Mat(image.height(), image.width(), CV_8UC1, new BytePointer(image.pixels()));
    }

    /** Returns an N x 1 two-channel float matrix of x, y pairs. */
    static Mat points2f(float[] xy, int count) {
        Mat points = new Mat(count, 1, CV_32FC2);
        try (FloatIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                indexer.put(i, 0, 0, xy[2 * i]);
                indexer.put(i, 0, 1, xy[2 * i + 1]);
            }
        }
        return points;
    }

    /** Returns an N x 1 two-channel float matrix of double x, y pairs, rounded to float. */
    static Mat points2f(double[] xy, int count) {
        Mat points = new Mat(count, 1, CV_32FC2);
        try (FloatIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                indexer.put(i, 0, 0, (float) xy[2 * i]);
                indexer.put(i, 0, 1, (float) xy[2 * i + 1]);
            }
        }
        return points;
    }

    /** Returns an N x 1 two-channel double matrix of x, y pairs. */
    static Mat points2d(double[] xy, int count) {
        Mat points = new Mat(count, 1, CV_64FC2);
        try (DoubleIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                indexer.put(i, 0, 0, xy[2 * i]);
                indexer.put(i, 0, 1, xy[2 * i + 1]);
            }
        }
        return points;
    }

    /** Returns an N x 1 three-channel double matrix of ground points (x, y, 0). */
    static Mat groundPoints3d(double[] xy, int count) {
        Mat points = new Mat(count, 1, CV_64FC3);
        try (DoubleIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                indexer.put(i, 0, 0, xy[2 * i]);
                indexer.put(i, 0, 1, xy[2 * i + 1]);
                indexer.put(i, 0, 2, 0);
            }
        }
        return points;
    }

    static float[] readPoints2f(Mat points, int count) {
        float[] xy = new float[2 * count];
        if (count == 0) {
            return xy;
        }
        try (FloatIndexer indexer = points.createIndexer()) {
            for (int i = 0; i < count; i++) {
                xy[2 * i] = indexer.get(i, 0, 0);
                xy[2 * i + 1] = indexer.get(i, 0, 1);
            }
        }
        return xy;
    }

    static boolean[] readMask(Mat mask, int count) {
        boolean[] set = new boolean[count];
        if (mask.empty()) {
            return set;
        }
        try (UByteIndexer indexer = mask.createIndexer()) {
            for (int i = 0; i < count; i++) {
                set[i] = indexer.get(i) != 0;
            }
        }
        return set;
    }

    /** Reads a 3x3 or 3x1 double matrix row-major. */
    static double[] readDoubles(Mat matrix) {
        int rows = matrix.rows();
        int columns = matrix.cols();
        double[] values = new double[rows * columns];
        try (DoubleIndexer indexer = matrix.createIndexer()) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    values[row * columns + column] = indexer.get(row, column);
                }
            }
        }
        return values;
    }

    static Mat doubles(int rows, int columns, double... values) {
        Mat matrix = new Mat(rows, columns, CV_64FC1);
        try (DoubleIndexer indexer = matrix.createIndexer()) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    indexer.put(row, column, values[row * columns + column]);
                }
            }
        }
        return matrix;
    }

    static Mat identity3() {
        return doubles(3, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    static int count(boolean[] mask) {
        int n = 0;
        for (boolean set : mask) {
            if (set) {
                n++;
            }
        }
        return n;
    }
}
