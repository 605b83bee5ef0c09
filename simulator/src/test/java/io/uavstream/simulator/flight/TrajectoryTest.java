package io.uavstream.simulator.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.uavstream.simulator.geo.Vec3;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    @Test
    void sweepIsContinuousAtConstantSpeed() {
        SweepTrajectory sweep = new SweepTrajectory(10, -20, 33, 300, 60, 6, 8, 70, 0, 0);
        double dt = 0.05;
        double cycleSeconds = sweep.cycleLength() / 8;
        NominalState previous = sweep.at(0);
        for (double t = dt; t < cycleSeconds * 1.2; t += dt) {
            NominalState state = sweep.at(t);
            double step = state.position().minus(previous.position()).norm();
            assertThat(step).as("distance flown from %.2f s", t).isLessThanOrEqualTo(8 * dt * 1.0001);
            assertThat(state.velocity().norm()).as("speed at %.2f s", t).isCloseTo(8, within(1e-9));
            previous = state;
        }
    }

    @Test
    void sweepVisitsEveryLine() {
        SweepTrajectory sweep = new SweepTrajectory(0, 0, 0, 200, 50, 4, 10, 60, 0, 0);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double t = 0; t < sweep.cycleLength() / 10; t += 0.1) {
            Vec3 position = sweep.at(t).position();
            minX = Math.min(minX, position.x());
            maxX = Math.max(maxX, position.x());
            maxY = Math.max(maxY, position.y());
        }

        // Four lines heading north, 50 m apart across (east), 200 m long, turns of radius 25 m beyond their ends.
        assertThat(minX).isCloseTo(-75, within(0.01));
        assertThat(maxX).isCloseTo(75, within(0.01));
        assertThat(maxY).isCloseTo(100 + 25, within(0.01));
    }

    @Test
    void orbitKeepsRadiusAndFacesCentre() {
        OrbitTrajectory orbit = new OrbitTrajectory(100, 50, 80, 60, 6, 30, 40);
        for (double t = 0; t < 100; t += 1.7) {
            NominalState state = orbit.at(t);
            Vec3 toCentre = new Vec3(100, 50, 60).minus(state.position());
            double bearing = Math.toDegrees(Math.atan2(toCentre.x(), toCentre.y()));
            double difference = Math.IEEEremainder(state.headingDegrees() - bearing, 360);
            assertThat(toCentre.norm()).as("radius at %s s", t).isCloseTo(80, within(1e-9));
            assertThat(difference).as("heading error at %s s", t).isCloseTo(0, within(1e-9));
            assertThat(state.velocity().norm()).as("speed at %s s", t).isCloseTo(6, within(1e-9));
        }
    }

    @Test
    void cruiseInStillAirPitchesNoseDown() {
        SweepTrajectory sweep = new SweepTrajectory(0, 0, 0, 1000, 100, 2, 12, 80, 0, 0.1);
        DroneDynamics dynamics = new DroneDynamics(sweep, new SplittableRandom(4), 0);

        DroneState state = dynamics.at(5);

        // Drag alone at 12 m/s: atan(0.014 * 144 / 9.81) = 11.6 degrees, plus sway and vibration.
        assertThat(state.pitchDegrees()).isBetween(-16.0, -7.0);
        assertThat(state.camera().tiltDegrees()).isCloseTo(0, within(1.0));
    }

    @Test
    void dynamicsAreReproducible() {
        HoverTrajectory hover = new HoverTrajectory(new Vec3(1, 2, 50), 90, 20);
        DroneState first = new DroneDynamics(hover, new SplittableRandom(8), 6).at(12.5);
        DroneState second = new DroneDynamics(hover, new SplittableRandom(8), 6).at(12.5);

        assertThat(second).isEqualTo(first);
        assertThat(first.position().minus(new Vec3(1, 2, 50)).norm()).as("wind sway").isBetween(0.0, 3.0);
    }
}
