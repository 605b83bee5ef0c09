package io.uavstream.cli.odometry;

import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.odometry.OdometryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The odometry benchmark on five seconds of simulated flight; the full 60-second figures are in docs/odometry.md. */
class OdometryBenchRunnerTest {

    @TempDir
    Path work;

    @Test
    void nadirSurveyDriftsUnderOnePercent() throws IOException {
        ScenarioResult result = runner().run(OdometryScenario.LAWNMOWER_NADIR);
        assertThat(result.frames()).isEqualTo(50);
        assertThat(result.okFrames()).isGreaterThanOrEqualTo(40);
        assertThat(result.lostFrames()).isZero();
        assertThat(result.atePercentOfDistance()).isLessThan(1.0);
    }

    @Test
    void obliqueSurveyWithoutTelemetryAlignsBySimilarity() throws IOException {
        ScenarioResult result = runner().run(OdometryScenario.LAWNMOWER_OBLIQUE);
        assertThat(result.okFrames()).isGreaterThanOrEqualTo(40);
        assertThat(result.alignmentScale()).isGreaterThan(10);
        assertThat(result.atePercentOfDistance()).isLessThan(2.0);
    }

    @Test
    void georeferencedSurveyProjectsObjectsWithinTwoMetres() throws IOException {
        ScenarioResult result = runner().run(OdometryScenario.LAWNMOWER_GEOREFERENCED);
        double maxError = Arrays.stream(result.projectionErrors()).max().orElse(Double.NaN);
        assertThat(result.projectionErrors()).isNotEmpty();
        assertThat(maxError).isLessThan(2.0);
    }

    private OdometryBenchRunner runner() {
        return new OdometryBenchRunner(work, 5, 1, OdometryConfig.defaults());
    }
}
