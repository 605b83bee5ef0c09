package io.uavstream.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MovingExtremumTest {

    @Test
    void neighbourhoodRangeMatchesBruteForce() {
        Random random = new Random(7);
        int[][] sizes = {{1, 1}, {5, 3}, {37, 23}, {64, 48}};
        for (int[] size : sizes) {
            for (int radius : new int[] {0, 1, 4, 30}) {
                byte[] pixels = new byte[size[0] * size[1]];
                random.nextBytes(pixels);
                LumaPlane luma = new LumaPlane(size[0], size[1], pixels);

                TransientArtefactDetector.NeighbourhoodRange range =
                        TransientArtefactDetector.NeighbourhoodRange.of(luma, radius);

                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        int index = y * size[0] + x;
                        assertThat(range.min()[index] & 0xff)
                                .as("min at (%d, %d) of %dx%d, radius %d", x, y, size[0], size[1], radius)
                                .isEqualTo(bruteForce(luma, x, y, radius, true));
                        assertThat(range.max()[index] & 0xff)
                                .as("max at (%d, %d) of %dx%d, radius %d", x, y, size[0], size[1], radius)
                                .isEqualTo(bruteForce(luma, x, y, radius, false));
                    }
                }
            }
        }
    }

    private static int bruteForce(LumaPlane luma, int x, int y, int radius, boolean minimum) {
        int result = minimum ? 255 : 0;
        for (int ny = Math.max(0, y - radius); ny <= Math.min(luma.height() - 1, y + radius); ny++) {
            for (int nx = Math.max(0, x - radius); nx <= Math.min(luma.width() - 1, x + radius); nx++) {
                result = minimum ? Math.min(result, luma.at(nx, ny)) : Math.max(result, luma.at(nx, ny));
            }
        }
        return result;
    }
}
