package io.uavstream.simulator.render;

import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.scene.Scene;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Renders frames of one camera over a scene: ground and raised surfaces by ray casting, then object
 * shadows and boxes, camera motion blur, and the sensor response. Not thread-safe, because it
 * reuses its buffers; with {@code parallelRows} the ground pass spreads row bands over the common
 * fork-join pool, which gives the same pixels as one thread.
 */
public final class FrameRenderer {

    private static final int ROW_BANDS = 8;

    private final CameraIntrinsics intrinsics;
    private final SensorResponse response;
    private final boolean parallelRows;
    private final GroundPass ground;
    private final ObjectPass objectPass;
    private final RayTable rays;
    private final MotionBlur blur = new MotionBlur();
    private final int[] rgb;
    private final byte[] raised;
    private final int[] owner;
    private final byte[] bgr;

    public FrameRenderer(Scene scene, CameraIntrinsics intrinsics, SensorResponse response, boolean parallelRows) {
        Objects.requireNonNull(scene, "scene");
        this.intrinsics = Objects.requireNonNull(intrinsics, "intrinsics");
        this.response = Objects.requireNonNull(response, "response");
        this.parallelRows = parallelRows;
        this.ground = new GroundPass(scene);
        this.objectPass = new ObjectPass(intrinsics.width(), intrinsics.height(), scene.lighting());
        this.rays = new RayTable(intrinsics);
        int pixels = intrinsics.width() * intrinsics.height();
        this.rgb = new int[pixels];
        this.raised = new byte[pixels];
        this.owner = new int[pixels];
        this.bgr = new byte[3 * pixels];
    }

    public CameraIntrinsics intrinsics() {
        return intrinsics;
    }

    /**
     * Renders one frame.
     *
     * @param camera the camera pose at the middle of the exposure; its intrinsics must be this renderer's
     * @param objects the objects to draw
     * @param blurX image motion of the scene during the exposure along x, in pixels
     * @param blurY image motion along y, in pixels
     * @param noiseOffset selects the sensor noise pattern; use a different value per frame
     */
    public RenderedFrame render(Camera camera, List<RenderObject> objects, double blurX, double blurY, int noiseOffset) {
        if (!camera.intrinsics().equals(intrinsics)) {
            throw new IllegalArgumentException("camera intrinsics " + camera.intrinsics()
                    + " differ from the renderer's " + intrinsics);
        }
        int width = intrinsics.width();
        int height = intrinsics.height();
        if (parallelRows) {
            int band = (height + ROW_BANDS - 1) / ROW_BANDS;
            IntStream.range(0, ROW_BANDS).parallel().forEach(b ->
                    ground.render(camera, rays, width, b * band, Math.min(height, (b + 1) * band), rgb, raised));
        } else {
            ground.render(camera, rays, width, 0, height, rgb, raised);
        }
        List<ObjectView> views = objectPass.render(camera, objects, rgb, raised, owner);
        blur.apply(rgb, width, height, blurX, blurY);
        response.toBgr(rgb, bgr, noiseOffset);
        return new RenderedFrame(width, height, bgr, owner, views);
    }
}
