package io.uavstream.simulator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.simulator.TestScenes;
import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraAttitude;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.camera.ImagePoint;
import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.simulator.output.VideoEncoder;
import io.uavstream.simulator.scene.GroundControlPoint;
import io.uavstream.simulator.scene.Scene;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders known world points (a painted ground control point, a flat marker object) and finds them
 * in the image: they must land within one pixel of where the camera model projects them.
 */
class ProjectionAccuracyTest {

    private static final Scene SCENE = TestScenes.scene(3, 1024);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "altitude {0} m, tilt {1}, heading {2}, k1 {3}, k2 {4}, at ({5}, {6}) of the frame")
    @CsvSource({
        "40, 0, 0, 0, 0, 0.5, 0.5",
        "60, 0, 37, 0, 0, 0.2, 0.8",
        "80, 30, 200, 0, 0, 0.75, 0.3",
        "50, 45, 300, 0, 0, 0.6, 0.2",
        "45, 20, 120, -0.15, 0.02, 0.85, 0.85",
        "70, 35, 10, 0.08, 0, 0.1, 0.15",
    })
    void groundControlPointLandsOnProjection(double altitude, double tilt, double heading, double k1, double k2,
            double fractionU, double fractionV) {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 70, k1, k2);
        GroundControlPoint target = SCENE.controlPoints().get(0);
        Vec3 point = new Vec3(target.x(), target.y(), 0);
        Camera camera = cameraSeeing(intrinsics, point, altitude, new CameraAttitude(heading, tilt, 1.5),
                fractionU * 640, fractionV * 480);
        FrameRenderer renderer = new FrameRenderer(SCENE, intrinsics, SensorResponse.neutral(), false);

        RenderedFrame frame = renderer.render(camera, List.of(), 0, 0, 0);

        ImagePoint expected = camera.project(point);
        double[] found = MagentaCentroid.find(frame.bgr(), 640, 480);
        assertThat(found[2]).as("magenta found").isGreaterThan(0);
        assertThat(Math.hypot(found[0] - expected.u(), found[1] - expected.v()))
                .as("distance from %s to (%s, %s)", expected, found[0], found[1])
                .isLessThan(1.0);
    }

    @Test
    void groundControlPointSurvivesH264() throws Exception {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 70, -0.1, 0);
        GroundControlPoint target = SCENE.controlPoints().get(1);
        Vec3 point = new Vec3(target.x(), target.y(), 0);
        Camera camera = cameraSeeing(intrinsics, point, 55, new CameraAttitude(75, 25, 0), 420, 170);
        FrameRenderer renderer = new FrameRenderer(SCENE, intrinsics, SensorResponse.neutral(), false);
        RenderedFrame frame = renderer.render(camera, List.of(), 0, 0, 0);
        Path video = dir.resolve("gcp.ts");
        try (VideoEncoder encoder = new VideoEncoder(video, 640, 480, 10, 10, 640 * 480 * 10 / 10)) {
            for (int i = 0; i < 5; i++) {
                encoder.encode(frame.bgr());
            }
        }

        byte[] decoded = decodeLastFrame(video, 640, 480);

        ImagePoint expected = camera.project(point);
        double[] found = MagentaCentroid.find(decoded, 640, 480);
        assertThat(Math.hypot(found[0] - expected.u(), found[1] - expected.v()))
                .as("distance from %s to (%s, %s)", expected, found[0], found[1])
                .isLessThan(1.0);
    }

    @ParameterizedTest(name = "altitude {0} m, tilt {1}, k1 {2}")
    @CsvSource({"40, 0, 0", "90, 40, 0", "60, 25, -0.15"})
    void markerObjectLandsOnProjection(double altitude, double tilt, double k1) {
        CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(640, 480, 70, k1, 0);
        // Open field beside a control point, so that no canopy or roof covers the marker.
        GroundControlPoint field = SCENE.controlPoints().get(2);
        Vec3 point = new Vec3(field.x() + 17.25, field.y() - 12.5, 0);
        Camera camera = cameraSeeing(intrinsics, point, altitude, new CameraAttitude(250, tilt, -2), 180, 330);
        RenderObject marker = new RenderObject(1, ObjectShape.PLAIN, point.x(), point.y(), 0, 33, 3, 3, 0.02, 0xFF00FF, 0);
        FrameRenderer renderer = new FrameRenderer(SCENE, intrinsics, SensorResponse.neutral(), false);

        byte[] without = renderer.render(camera, List.of(), 0, 0, 0).bgr().clone();
        RenderedFrame frame = renderer.render(camera, List.of(marker), 0, 0, 0);

        ImagePoint expected = camera.project(new Vec3(point.x(), point.y(), 0.02));
        double[] found = MagentaCentroid.findAdded(frame.bgr(), without, 640, 480);
        assertThat(Math.hypot(found[0] - expected.u(), found[1] - expected.v()))
                .as("distance from %s to (%s, %s)", expected, found[0], found[1])
                .isLessThan(1.0);
    }

    /** Returns a camera at {@code altitude} with {@code attitude} that images {@code point} at pixel (u, v). */
    static Camera cameraSeeing(CameraIntrinsics intrinsics, Vec3 point, double altitude, CameraAttitude attitude,
            double u, double v) {
        Rotation rotation = attitude.toRotation();
        Camera probe = new Camera(intrinsics, new Vec3(0, 0, altitude), rotation);
        Vec3 hit = probe.intersectHorizontalPlane(u, v, point.z());
        Vec3 position = new Vec3(point.x() - hit.x(), point.y() - hit.y(), altitude);
        return new Camera(intrinsics, position, rotation);
    }

    private static byte[] decodeLastFrame(Path video, int width, int height) throws Exception {
        byte[] pixels = new byte[3 * width * height];
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                ByteBuffer image = (ByteBuffer) frame.image[0];
                for (int row = 0; row < height; row++) {
                    image.position(row * frame.imageStride);
                    image.get(pixels, row * 3 * width, 3 * width);
                }
            }
            grabber.stop();
        }
        return pixels;
    }
}
