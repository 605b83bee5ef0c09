package io.uavstream.simulator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.simulator.TestScenes;
import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraAttitude;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.simulator.scene.ElevationLevels;
import io.uavstream.simulator.scene.Scene;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objects under tree canopies and bridge decks are hidden in the image and in their visibility. */
class OcclusionTest {

    private static final Scene SCENE = TestScenes.scene(3, 1024);
    private static final CameraIntrinsics INTRINSICS = CameraIntrinsics.ofHorizontalFov(640, 480, 70, 0, 0);

    @Test
    void carUnderCanopyIsHidden() {
        Vec3 canopy = findTexel(ElevationLevels.TALL_TREE, ElevationLevels.CANOPY, 2.5);

        ObjectView view = renderCarAt(canopy.x(), canopy.y());

        assertThat(view.silhouettePixels()).isPositive();
        assertThat(view.visiblePixels()).isZero();
        assertThat(view.visibility()).isZero();
    }

    @Test
    void carUnderBridgeDeckIsHidden() {
        Vec3 deck = findTexel(ElevationLevels.BRIDGE_DECK, ElevationLevels.THIN, 2.5);

        ObjectView view = renderCarAt(deck.x(), deck.y());

        assertThat(view.visibility()).isZero();
    }

    @Test
    void carAtCanopyEdgeIsPartlyVisible() {
        Vec3 canopy = findTexel(ElevationLevels.TALL_TREE, ElevationLevels.CANOPY, 2.5);
        boolean partly = false;
        for (double offset = 0; offset < 12 && !partly; offset += 0.25) {
            double visibility = renderCarAt(canopy.x() + offset, canopy.y()).visibility();
            partly = visibility > 0.1 && visibility < 0.9;
        }

        assertThat(partly).as("some position between 10 % and 90 % visible").isTrue();
    }

    private static ObjectView renderCarAt(double x, double y) {
        Camera camera = new Camera(INTRINSICS, new Vec3(x, y, 60), new CameraAttitude(0, 0, 0).toRotation());
        RenderObject car = new RenderObject(5, ObjectShape.CAR, x, y, 0, 90, 4.5, 1.8, 1.5, 0xE0E0E0, 0);
        RenderedFrame frame = new FrameRenderer(SCENE, INTRINSICS, SensorResponse.neutral(), false)
                .render(camera, List.of(car), 0, 0, 0);
        assertThat(frame.objects()).hasSize(1);
        return frame.objects().get(0);
    }

    /**
     * Returns the centre of a texel whose elevation byte has level {@code level} and includes
     * {@code flags}, with the same level everywhere within {@code radius} metres.
     */
    private static Vec3 findTexel(int level, int flags, double radius) {
        byte[] elevation = SCENE.elevation();
        int size = SCENE.sizeTexels();
        int reach = (int) Math.ceil(radius / Scene.TEXEL_METRES);
        for (int j = reach; j < size - reach; j++) {
            for (int i = reach; i < size - reach; i++) {
                if (matches(elevation[j * size + i], level, flags) && surrounded(elevation, size, i, j, reach, level, flags)) {
                    return new Vec3(SCENE.minCoordinate() + (i + 0.5) * Scene.TEXEL_METRES,
                            SCENE.minCoordinate() + (j + 0.5) * Scene.TEXEL_METRES, 0);
                }
            }
        }
        throw new AssertionError("scene has no texel of level " + level + " with flags " + flags);
    }

    private static boolean surrounded(byte[] elevation, int size, int i, int j, int reach, int level, int flags) {
        for (int dj = -reach; dj <= reach; dj++) {
            for (int di = -reach; di <= reach; di++) {
                if (!matches(elevation[(j + dj) * size + i + di], level, flags)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(byte texel, int level, int flags) {
        return (texel & ElevationLevels.LEVEL_MASK) == level && (texel & flags) == flags;
    }
}
