package io.uavstream.cli.odometry;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import io.uavstream.odometry.FeatureDetector;
import io.uavstream.odometry.FrameConversion;
import io.uavstream.odometry.GreyImage;
import io.uavstream.odometry.ImagePairRegistration;
import io.uavstream.odometry.RegistrationResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code uavstream odometry register}: finds the homography between two images and writes a
 * picture to check it by eye: the first image warped onto the second and blended with it, beside
 * the second image.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = "Finds the homography from the first image to the second by descriptor matching and RANSAC,"
                + " prints the match and inlier counts, and writes the first image warped onto the second as a PNG.")
public final class RegisterImagesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FIRST", description = "Image to warp (any format OpenCV reads).")
    Path first;

    @Parameters(index = "1", paramLabel = "SECOND", description = "Reference image.")
    Path second;

    @Option(names = "--out", required = true, paramLabel = "PNG",
            description = "Picture to write: the warped first image blended 50/50 with the second, then the second.")
    Path output;

    @Option(names = "--detector", defaultValue = "AFFINE_SIFT",
            description = "Keypoints of the coarse pass: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FeatureDetector detector;

    @Option(names = "--features", defaultValue = "1000",
            description = "Max keypoints per image, per simulated view for AFFINE_SIFT (default: ${DEFAULT-VALUE}).")
    int features;

    @Option(names = "--ratio", defaultValue = "0.8", description = "Ratio-test threshold (default: ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--ransac-threshold", defaultValue = "4", paramLabel = "PIXELS",
            description = "Max reprojection error of an inlier in pixels (default: ${DEFAULT-VALUE}).")
    double ransacThreshold;

    @Override
    public Integer call() {
        try (PointerScope scope = new PointerScope()) {
            Mat firstColour = read(first);
            Mat secondColour = read(second);
            RegistrationResult result = new ImagePairRegistration(detector, features, ratio, ransacThreshold)
                    .register(grey(firstColour), grey(secondColour));
            System.out.printf("%d matches, %d inliers (%.1f %%)%n", result.matches(), result.inliers(),
                    100 * result.inlierRatio());
            if (!result.found()) {
                System.err.println("No homography found between " + first + " and " + second);
                return 1;
            }
            System.out.println("homography " + Arrays.toString(result.homography()));
            Mat homography = new Mat(3, 3, opencv_core.CV_64FC1);
            try (DoubleIndexer indexer = homography.createIndexer()) {
                for (int i = 0; i < 9; i++) {
                    indexer.put(i / 3, i % 3, result.homography()[i]);
                }
            }
            Mat warped = new Mat();
            warpPerspective(firstColour, warped, homography, secondColour.size());
            Mat blend = new Mat();
            addWeighted(warped, 0.5, secondColour, 0.5, 0, blend);
            Mat picture = new Mat();
            hconcat(blend, secondColour, picture);
            if (!imwrite(output.toString(), picture)) {
                throw new IllegalStateException("OpenCV could not write " + output + "; check the directory exists");
            }
            System.out.println("wrote " + output);
            return 0;
        }
    }

    private static Mat read(Path file) {
        Mat image = imread(file.toString(), IMREAD_COLOR);
        if (image.empty()) {
            throw new IllegalArgumentException("OpenCV could not read an image from " + file);
        }
        return image;
    }

    private static GreyImage grey(Mat colour) {
        byte[] pixels = new byte[colour.cols() * colour.rows() * 3];
        colour.data().get(pixels);
        return FrameConversion.toGrey(colour.cols(), colour.rows(), pixels);
    }
}
