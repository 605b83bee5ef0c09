package io.uavstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void defaultsMeetTheBenchmarkSetup() {
        SimulationConfig config = SimulationConfig.builder().build();

        assertThat(config.drones()).isEqualTo(4);
        assertThat(config.frames()).isEqualTo(60 * SimulationConfig.DEFAULT_FPS);
        assertThat(config.width()).isEqualTo(640);
        assertThat(config.height()).isEqualTo(480);
        assertThat(config.gopFrames()).isEqualTo(2 * SimulationConfig.DEFAULT_FPS);
        assertThat(config.bitrate()).isEqualTo(640 * 480 * SimulationConfig.DEFAULT_FPS / 10);
        assertThat(config.droneId(0)).isEqualTo("drone-1");
        assertThat(config.noiseProfile()).isEmpty();
    }

    @Test
    void oddFrameSizeIsRejected() {
        assertThatThrownBy(() -> SimulationConfig.builder().frameSize(641, 480))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frame width and height must be even, got 641x480");
    }

    @Test
    void frameRateOutOfRangeIsRejected() {
        assertThatThrownBy(() -> SimulationConfig.builder().fps(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fps must be between 1 and 60, got 0");
    }

    @Test
    void invertedAltitudeRangeIsRejected() {
        assertThatThrownBy(() -> SimulationConfig.builder().altitudeRange(100, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("altitude range must satisfy 30.0 <= min <= max <= 300.0, got 100.0 to 50.0");
    }

    @Test
    void horizonInFrameIsRejected() {
        SimulationConfig.Builder builder = SimulationConfig.builder().offNadirRange(10, 45).horizontalFovDegrees(100);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above the limit of 78");
    }

    @Test
    void invalidDroneIdPrefixIsRejected() {
        assertThatThrownBy(() -> SimulationConfig.builder().droneIdPrefix("drone one "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid drone ID prefix 'drone one '");
    }

    @Test
    void nonPowerOfTwoSceneIsRejected() {
        assertThatThrownBy(() -> SimulationConfig.builder().sceneSizeMetres(2000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }

    @Test
    void patternsCycleOverDrones() {
        SimulationConfig config = SimulationConfig.builder().drones(5)
                .patterns(List.of(FlightPattern.ORBIT, FlightPattern.LAWNMOWER)).offNadirRange(5, 30).build();

        List<DronePlan> plans = new FleetSimulation(config).plans();

        assertThat(plans).extracting(DronePlan::pattern).containsExactly(FlightPattern.ORBIT, FlightPattern.LAWNMOWER,
                FlightPattern.ORBIT, FlightPattern.LAWNMOWER, FlightPattern.ORBIT);
        assertThat(plans.get(1).tiltDegrees()).as("survey tilt").isEqualTo(5);
        assertThat(plans).allSatisfy(plan -> assertThat(plan.altitudeMetres()).isBetween(40.0, 100.0));
    }
}
