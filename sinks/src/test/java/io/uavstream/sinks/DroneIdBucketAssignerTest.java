package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DroneIdBucketAssignerTest {

    @Test
    void directoryNameKeepsPlainId() {
        assertThat(DroneIdBucketAssigner.directoryName("Drone-7.alpha")).isEqualTo("Drone-7.alpha");
    }

    @Test
    void directoryNameEscapesSeparatorsAndSpaces() {
        assertThat(DroneIdBucketAssigner.directoryName("fleet/7 a\\b")).isEqualTo("fleet_2F7_20a_5Cb");
    }

    @Test
    void directoryNameEscapesUnderscoreAndUtf8() {
        assertThat(DroneIdBucketAssigner.directoryName("d_ü")).isEqualTo("d_5F_C3_BC");
    }

    @Test
    void directoryNameEscapesLeadingDot() {
        assertThat(DroneIdBucketAssigner.directoryName("..")).isEqualTo("_2E.");
    }

    @Test
    void directoryNameOfEmptyId() {
        assertThat(DroneIdBucketAssigner.directoryName("")).isEqualTo("_");
    }
}
