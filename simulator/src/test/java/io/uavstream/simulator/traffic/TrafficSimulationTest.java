package io.uavstream.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.simulator.TestScenes;
import io.uavstream.simulator.scene.RoadNetwork;
import io.uavstream.simulator.scene.Scene;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSimulationTest {

    private static final Scene SCENE = TestScenes.scene(3, 1024);
    private static final double DT = 0.1;

    @Test
    void sameSeedGivesSameStates() {
        TrafficSimulation first = new TrafficSimulation(SCENE, 42, 1);
        TrafficSimulation second = new TrafficSimulation(SCENE, 42, 1);
        for (int step = 0; step < 200; step++) {
            first.step(DT);
            second.step(DT);
        }

        assertThat(second.objects()).isEqualTo(first.objects());
    }

    @Test
    void populationScalesWithDensity() {
        int sparse = new TrafficSimulation(SCENE, 42, 0.5).objectCount();
        int dense = new TrafficSimulation(SCENE, 42, 2).objectCount();

        assertThat(sparse).isPositive();
        assertThat(dense).isGreaterThan(3 * sparse);
    }

    @Test
    void speedsStayWithinClassLimits() {
        TrafficSimulation traffic = new TrafficSimulation(SCENE, 7, 1.5);
        for (int step = 0; step < 300; step++) {
            traffic.step(DT);
            for (WorldObject object : traffic.objects()) {
                assertThat(object.speed()).as("speed of %s", object)
                        .isBetween(0.0, object.objectClass().maxSpeed() + 1e-9);
            }
        }
    }

    @Test
    void vehiclesStopAndTurn() {
        TrafficSimulation traffic = new TrafficSimulation(SCENE, 7, 1.5);
        Map<Integer, Double> firstHeading = new HashMap<>();
        for (WorldObject object : traffic.objects()) {
            firstHeading.put(object.id(), object.headingDegrees());
        }
        boolean stopped = false;
        boolean turned = false;
        for (int step = 0; step < 600; step++) {
            traffic.step(DT);
            for (WorldObject object : traffic.objects()) {
                if (object.objectClass().isMotorVehicle() && !object.parked()) {
                    stopped |= object.speed() == 0;
                    double change = Math.abs(object.headingDegrees() - firstHeading.get(object.id())) % 360;
                    turned |= Math.min(change, 360 - change) > 60;
                }
            }
        }

        assertThat(stopped).as("some moving vehicle stopped").isTrue();
        assertThat(turned).as("some vehicle turned by more than 60 degrees").isTrue();
    }

    @Test
    void objectsKeepToTheirWays() {
        TrafficSimulation traffic = new TrafficSimulation(SCENE, 9, 1);
        RoadNetwork roads = SCENE.roads();
        for (int step = 0; step < 300; step++) {
            traffic.step(DT);
        }
        for (WorldObject object : traffic.objects()) {
            if (object.parked() || nearJunction(roads, object)) {
                continue;
            }
            double limit = object.objectClass() == ObjectClass.PEDESTRIAN || object.objectClass() == ObjectClass.BICYCLE
                    ? RoadNetwork.SIDEWALK_WIDTH + 7.5 : 7.5;
            assertThat(distanceToNearestEdge(roads, object.x(), object.y())).as("offset of %s", object).isLessThan(limit);
        }
    }

    @Test
    void vehiclesDoNotRunIntoEachOther() {
        TrafficSimulation traffic = new TrafficSimulation(SCENE, 13, 2);
        RoadNetwork roads = SCENE.roads();
        for (int step = 0; step < 400; step++) {
            traffic.step(DT);
            List<WorldObject> objects = traffic.objects();
            for (WorldObject a : objects) {
                if (!a.objectClass().isMotorVehicle() || a.parked() || nearJunction(roads, a)) {
                    continue;
                }
                for (WorldObject b : objects) {
                    if (b == a || !b.objectClass().isMotorVehicle() || b.parked() || nearJunction(roads, b)) {
                        continue;
                    }
                    double heading = Math.toRadians(a.headingDegrees());
                    double dx = b.x() - a.x();
                    double dy = b.y() - a.y();
                    double along = dx * Math.sin(heading) + dy * Math.cos(heading);
                    double across = Math.abs(dx * Math.cos(heading) - dy * Math.sin(heading));
                    if (across < 0.5 && along > 0) {
                        assertThat(along).as("gap from %s to %s", a, b).isGreaterThan((a.length() + b.length()) / 2);
                    }
                }
            }
        }
    }

    @Test
    void invalidDensityIsRejected() {
        assertThatThrownBy(() -> new TrafficSimulation(SCENE, 1, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traffic density must be between 0 and 5");
    }

    private static boolean nearJunction(RoadNetwork roads, WorldObject object) {
        for (RoadNetwork.Node node : roads.nodes()) {
            if (Math.hypot(node.x() - object.x(), node.y() - object.y()) < roads.nodeRadius(node.id()) + 8) {
                return true;
            }
        }
        return false;
    }

    private static double distanceToNearestEdge(RoadNetwork roads, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (RoadNetwork.Edge edge : roads.edges()) {
            RoadNetwork.Node a = roads.node(edge.from());
            RoadNetwork.Node b = roads.node(edge.to());
            double ex = b.x() - a.x();
            double ey = b.y() - a.y();
            double t = Math.max(0, Math.min(1, ((x - a.x()) * ex + (y - a.y()) * ey) / (ex * ex + ey * ey)));
            best = Math.min(best, Math.hypot(a.x() + t * ex - x, a.y() + t * ey - y));
        }
        return best;
    }
}
