package io.uavstream.simulator;

import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.flight.HoverTrajectory;
import io.uavstream.simulator.flight.OrbitTrajectory;
import io.uavstream.simulator.flight.SweepTrajectory;
import io.uavstream.simulator.flight.Trajectory;
import io.uavstream.simulator.scene.RoadNetwork;
import io.uavstream.simulator.scene.Scene;
import io.uavstream.simulator.geo.Vec3;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out each drone's flight over the scene: hovers and orbits over roads and junctions near the
 * centre, surveys and transits sized to stay inside the scene.
 */
final class FlightPlanner {

    /** Share of the scene side, around the centre, where hover points and orbit centres are chosen. */
    private static final double INNER_SHARE = 0.6;
    private static final int SURVEY_LINES = 6;
    private static final double SURVEY_SIDELAP = 0.3;

    private FlightPlanner() {}

    static Trajectory plan(DronePlan plan, Scene scene, CameraIntrinsics intrinsics, SplittableRandom random) {
        return switch (plan.pattern()) {
            case HOVER -> hover(plan, scene, random);
            case ORBIT -> orbit(plan, scene, random);
            case LAWNMOWER -> lawnmower(plan, scene, intrinsics, random);
            case TRANSIT -> transit(plan, scene, random);
        };
    }

    private static Trajectory hover(DronePlan plan, Scene scene, SplittableRandom random) {
        RoadNetwork roads = scene.roads();
        List<RoadNetwork.Edge> candidates = roads.edges().stream()
                .filter(e -> e.roadClass().carriesVehicles())
                .filter(e -> inner(scene, roads.node(e.from())) && inner(scene, roads.node(e.to())))
                .toList();
        double targetX = 0;
        double targetY = 0;
        if (!candidates.isEmpty()) {
            RoadNetwork.Edge edge = candidates.get(random.nextInt(candidates.size()));
            RoadNetwork.Node a = roads.node(edge.from());
            RoadNetwork.Node b = roads.node(edge.to());
            double t = random.nextDouble(0.3, 0.7);
            targetX = a.x() + t * (b.x() - a.x());
            targetY = a.y() + t * (b.y() - a.y());
        }
        double heading = random.nextDouble(0, 360);
        // Stand back from the road point so that the tilted camera looks at it.
        double standOff = plan.altitudeMetres() * Math.tan(Math.toRadians(plan.tiltDegrees()));
        double x = targetX - standOff * Math.sin(Math.toRadians(heading));
        double y = targetY - standOff * Math.cos(Math.toRadians(heading));
        return new HoverTrajectory(new Vec3(x, y, plan.altitudeMetres()), heading, plan.tiltDegrees());
    }

    private static Trajectory orbit(DronePlan plan, Scene scene, SplittableRandom random) {
        List<RoadNetwork.Node> junctions = scene.roads().nodes().stream()
                .filter(n -> inner(scene, n) && scene.roads().edgesAt(n.id()).size() >= 3)
                .toList();
        RoadNetwork.Node centre = junctions.isEmpty()
                ? new RoadNetwork.Node(-1, 0, 0)
                : junctions.get(random.nextInt(junctions.size()));
        double radius = plan.tiltDegrees() >= 10
                ? plan.altitudeMetres() * Math.tan(Math.toRadians(plan.tiltDegrees()))
                : random.nextDouble(40, 80);
        double speed = random.nextDouble(4, 8) * (random.nextBoolean() ? 1 : -1);
        return new OrbitTrajectory(centre.x(), centre.y(), radius, plan.altitudeMetres(), speed,
                random.nextDouble(0, 360), plan.tiltDegrees());
    }

    private static Trajectory lawnmower(DronePlan plan, Scene scene, CameraIntrinsics intrinsics, SplittableRandom random) {
        double footprint = 2 * plan.altitudeMetres() * Math.tan(Math.toRadians(intrinsics.horizontalFovDegrees() / 2));
        double spacing = footprint * (1 - SURVEY_SIDELAP);
        double half = scene.sizeMetres() / 2;
        double lineLength = Math.min(random.nextDouble(250, 400), scene.sizeMetres() * 0.5);
        double reach = lineLength / 2 + spacing * (SURVEY_LINES + 1) / 2;
        double limit = Math.max(0, half - reach - 20);
        double centreX = random.nextDouble(-limit, limit + 1e-9);
        double centreY = random.nextDouble(-limit, limit + 1e-9);
        return new SweepTrajectory(centreX, centreY, random.nextDouble(0, 360), lineLength, spacing, SURVEY_LINES,
                random.nextDouble(7, 10), plan.altitudeMetres(), plan.tiltDegrees(), random.nextDouble());
    }

    private static Trajectory transit(DronePlan plan, Scene scene, SplittableRandom random) {
        double size = scene.sizeMetres();
        double spacing = Math.min(random.nextDouble(150, 250), size / 4);
        double lineLength = size * 0.55;
        double centreX = random.nextDouble(-size / 12, size / 12);
        double centreY = random.nextDouble(-size / 12, size / 12);
        return new SweepTrajectory(centreX, centreY, random.nextDouble(0, 360), lineLength, spacing, 2,
                random.nextDouble(12, 15), plan.altitudeMetres(), plan.tiltDegrees(), random.nextDouble());
    }

    private static boolean inner(Scene scene, RoadNetwork.Node node) {
        double limit = scene.sizeMetres() * INNER_SHARE / 2;
        return Math.abs(node.x()) <= limit && Math.abs(node.y()) <= limit;
    }
}
