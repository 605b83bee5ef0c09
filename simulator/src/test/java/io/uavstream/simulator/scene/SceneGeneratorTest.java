package io.uavstream.simulator.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.simulator.TestScenes;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {

    @Test
    void sameSeedGivesSameScene() {
        Scene first = SceneGenerator.generate(17, 512);
        Scene second = SceneGenerator.generate(17, 512);

        assertThat(second.ground().level(0)).isEqualTo(first.ground().level(0));
        assertThat(second.elevation()).isEqualTo(first.elevation());
        assertThat(second.roads().edges()).isEqualTo(first.roads().edges());
        assertThat(second.lighting()).isEqualTo(first.lighting());
    }

    @Test
    void otherSeedGivesOtherScene() {
        assertThat(SceneGenerator.generate(18, 512).ground().level(0))
                .isNotEqualTo(SceneGenerator.generate(17, 512).ground().level(0));
    }

    @Test
    void sceneHasRaisedBodiesOfEveryKind() {
        Scene scene = TestScenes.scene(3, 1024);
        int built = 0;
        int thin = 0;
        int canopy = 0;
        for (byte texel : scene.elevation()) {
            if ((texel & ElevationLevels.THIN) != 0) {
                thin++;
            } else if ((texel & ElevationLevels.BUILT) != 0) {
                built++;
            } else if ((texel & ElevationLevels.CANOPY) != 0) {
                canopy++;
            }
        }

        assertThat(built).as("roof texels").isPositive();
        assertThat(thin).as("bridge deck texels").isPositive();
        assertThat(canopy).as("canopy texels").isPositive();
        assertThat(scene.controlPoints()).isNotEmpty();
        assertThat(scene.parkingSpots()).isNotEmpty();
    }

    @Test
    void mipLevelsHalveDownToOneTexel() {
        Scene scene = TestScenes.scene(3, 1024);
        GroundTexture ground = scene.ground();

        assertThat(ground.levelCount()).isEqualTo(12);
        assertThat(ground.level(0)).hasSize(2048 * 2048);
        assertThat(ground.level(ground.levelCount() - 1)).hasSize(1);
    }

    @Test
    void coarseElevationCoversNeighbours() {
        Scene scene = TestScenes.scene(3, 1024);
        int cells = scene.sizeTexels() / Scene.COARSE_CELL_TEXELS;
        byte[] elevation = scene.elevation();
        for (int j = 0; j < scene.sizeTexels(); j += 7) {
            for (int i = 0; i < scene.sizeTexels(); i += 7) {
                int level = elevation[j * scene.sizeTexels() + i] & ElevationLevels.LEVEL_MASK;
                int cell = (j / Scene.COARSE_CELL_TEXELS) * cells + i / Scene.COARSE_CELL_TEXELS;
                assertThat(scene.coarseElevation()[cell]).as("coarse cell of texel (%d, %d)", i, j).isGreaterThanOrEqualTo((byte) level);
            }
        }
    }

    @Test
    void invalidSizeIsRejected() {
        assertThatThrownBy(() -> SceneGenerator.generate(1, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two from 256 to 4096 metres, got 1000");
    }
}
