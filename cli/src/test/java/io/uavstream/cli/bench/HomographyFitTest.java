package io.uavstream.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.tracking.geometry.Homography;
import io.uavstream.tracking.geometry.Point;
import org.junit.jupiter.api.Test;

class HomographyFitTest {

    @Test
    void fitRecoversExactHomography() {
        Homography truth = Homography.of(1.02, 0.05, 12, -0.03, 0.98, -7, 2e-5, -1e-5, 1);
        double[] source = {0, 0, 640, 0, 640, 480, 0, 480, 320, 240, 100, 400};
        double[] target = new double[source.length];
        for (int i = 0; i < source.length; i += 2) {
            Point mapped = truth.map(source[i], source[i + 1]);
            target[i] = mapped.x();
            target[i + 1] = mapped.y();
        }

        Homography fitted = HomographyFit.fit(source, target);

        for (int i = 0; i < 9; i++) {
            assertThat(fitted.toArray()[i]).as("entry %d", i).isCloseTo(truth.toArray()[i],
                    org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void collinearPointsRejected() {
        double[] line = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};

        assertThatThrownBy(() -> HomographyFit.fit(line, line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degenerate");
    }

    @Test
    void fewerThanFourPairsRejected() {
        double[] three = {0, 0, 1, 0, 0, 1};

        assertThatThrownBy(() -> HomographyFit.fit(three, three))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4 point pairs");
    }
}
