package io.uavstream.simulator.traffic;

import io.uavstream.simulator.scene.RoadClass;
import io.uavstream.simulator.scene.RoadNetwork;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lane geometry and route choice on the road network. Traffic keeps to the right: a positive
 * lateral offset is to the right of the travel direction.
 */
final class Router {

    /** Lateral acceleration in turns, metres per second squared. */
    private static final double TURN_LATERAL_ACCELERATION = 2.2;
    private static final int TURN_SEGMENTS = 8;

    private final RoadNetwork network;

    Router(RoadNetwork network) {
        this.network = network;
    }

    RoadNetwork network() {
        return network;
    }

    /** Returns whether objects of {@code objectClass} may use {@code edge}. */
    static boolean allows(ObjectClass objectClass, RoadNetwork.Edge edge) {
        RoadClass roadClass = edge.roadClass();
        return switch (objectClass) {
            case PEDESTRIAN -> roadClass == RoadClass.FOOTPATH || edge.sidewalks();
            case BICYCLE -> roadClass == RoadClass.LOCAL || roadClass == RoadClass.FOOTPATH;
            default -> roadClass.carriesVehicles();
        };
    }

    /** Returns the agent's signed lateral offset from the centre line of {@code edge}, in metres. */
    double laneOffset(Agent agent, RoadNetwork.Edge edge) {
        RoadClass roadClass = edge.roadClass();
        if (agent.objectClass == ObjectClass.PEDESTRIAN) {
            if (roadClass == RoadClass.FOOTPATH) {
                return agent.side * (0.2 + agent.lateralFraction * (roadClass.halfWidth() - 0.5));
            }
            return agent.side * (roadClass.halfWidth() + 0.4 + agent.lateralFraction * (RoadNetwork.SIDEWALK_WIDTH - 0.8));
        }
        if (agent.objectClass == ObjectClass.BICYCLE) {
            return roadClass == RoadClass.FOOTPATH ? 0.6 : roadClass.halfWidth() - 0.8;
        }
        int lane = Math.min(agent.lane, roadClass.lanesPerDirection() - 1);
        return (lane + 0.5) * roadClass.laneWidth();
    }

    /** Returns the straight lane of the agent on {@code edge} leaving {@code fromNode}: {x0, y0, x1, y1}. */
    double[] straight(Agent agent, int edgeId, int fromNode) {
        RoadNetwork.Edge edge = network.edges().get(edgeId);
        int toNode = edge.otherEnd(fromNode);
        RoadNetwork.Node a = network.node(fromNode);
        RoadNetwork.Node b = network.node(toNode);
        double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
        double dx = (b.x() - a.x()) / length;
        double dy = (b.y() - a.y()) / length;
        double offset = laneOffset(agent, edge);
        double startTrim = Math.min(network.nodeRadius(fromNode), length * 0.3);
        double endTrim = Math.min(network.nodeRadius(toNode), length * 0.3);
        double ox = dy * offset;
        double oy = -dx * offset;
        return new double[] {
            a.x() + dx * startTrim + ox, a.y() + dy * startTrim + oy,
            b.x() - dx * endTrim + ox, b.y() - dy * endTrim + oy,
        };
    }

    /**
     * Chooses the edge to take at {@code node} after arriving on {@code arriving}: any allowed edge
     * except the way back, preferring straight on (and main roads for buses and trucks); the way back
     * only at a dead end.
     */
    int chooseNext(Agent agent, int node, int arriving, SplittableRandom random) {
        List<RoadNetwork.Edge> options = network.edgesAt(node);
        RoadNetwork.Edge in = network.edges().get(arriving);
        double[] inDirection = direction(in, in.otherEnd(node), node);
        double total = 0;
        double[] weights = new double[options.size()];
        for (int k = 0; k < options.size(); k++) {
            RoadNetwork.Edge edge = options.get(k);
            if (edge.id() == arriving || !allows(agent.objectClass, edge)) {
                continue;
            }
            double[] outDirection = direction(edge, node, edge.otherEnd(node));
            double alignment = inDirection[0] * outDirection[0] + inDirection[1] * outDirection[1];
            double weight = 1 + 2 * Math.max(0, alignment);
            if ((agent.objectClass == ObjectClass.BUS || agent.objectClass == ObjectClass.TRUCK)
                    && edge.roadClass() == RoadClass.MAIN) {
                weight *= 4;
            }
            weights[k] = weight;
            total += weight;
        }
        if (total == 0) {
            return arriving;
        }
        double pick = random.nextDouble() * total;
        for (int k = 0; k < options.size(); k++) {
            pick -= weights[k];
            if (weights[k] > 0 && pick < 0) {
                return options.get(k).id();
            }
        }
        return arriving;
    }

    /**
     * Builds the leg that turns from the end of the agent's current lane into {@code nextEdge} at
     * {@code node} and runs along its straight lane.
     */
    Leg turnInto(Agent agent, int currentEdge, int currentFrom, int node, int nextEdge) {
        double[] current = straight(agent, currentEdge, currentFrom);
        double[] next = straight(agent, nextEdge, node);
        double[] curve = turnCurve(current, next);
        int points = curve.length / 2;
        double[] xs = new double[points + 1];
        double[] ys = new double[points + 1];
        for (int k = 0; k < points; k++) {
            xs[k] = curve[2 * k];
            ys[k] = curve[2 * k + 1];
        }
        xs[points] = next[2];
        ys[points] = next[3];
        double turnLength = 0;
        for (int k = 1; k < points; k++) {
            turnLength += Math.hypot(xs[k] - xs[k - 1], ys[k] - ys[k - 1]);
        }
        return new Leg(xs, ys, turnLength, turnSpeed(current, next, turnLength));
    }

    /** Returns the speed limit of the turn from {@code currentEdge} into {@code nextEdge} at {@code node}. */
    double turnSpeed(Agent agent, int currentEdge, int currentFrom, int node, int nextEdge) {
        double[] current = straight(agent, currentEdge, currentFrom);
        double[] next = straight(agent, nextEdge, node);
        double[] curve = turnCurve(current, next);
        double length = 0;
        for (int k = 2; k < curve.length; k += 2) {
            length += Math.hypot(curve[k] - curve[k - 2], curve[k + 1] - curve[k - 1]);
        }
        return turnSpeed(current, next, length);
    }

    /** Returns a leg along the straight lane of {@code edge} from {@code fromNode}, with no turn. */
    Leg straightLeg(Agent agent, int edge, int fromNode) {
        double[] lane = straight(agent, edge, fromNode);
        return new Leg(new double[] {lane[0], lane[2]}, new double[] {lane[1], lane[3]}, 0, Double.POSITIVE_INFINITY);
    }

    private static double turnSpeed(double[] current, double[] next, double length) {
        double[] d0 = unit(current);
        double[] d1 = unit(next);
        double angle = Math.acos(Math.max(-1, Math.min(1, d0[0] * d1[0] + d0[1] * d1[1])));
        if (angle < 0.15) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(2, Math.sqrt(TURN_LATERAL_ACCELERATION * length / angle));
    }

    /** Samples a cubic Bezier from the end of {@code current} to the start of {@code next}, tangent to both. */
    private static double[] turnCurve(double[] current, double[] next) {
        double[] d0 = unit(current);
        double[] d1 = unit(next);
        double x0 = current[2];
        double y0 = current[3];
        double x3 = next[0];
        double y3 = next[1];
        double chord = Math.hypot(x3 - x0, y3 - y0);
        boolean reversing = d0[0] * d1[0] + d0[1] * d1[1] < -0.9;
        double reach = reversing ? Math.max(4, chord) : Math.max(1, 0.5 * chord);
        double x1 = x0 + d0[0] * reach;
        double y1 = y0 + d0[1] * reach;
        double x2 = x3 - d1[0] * reach;
        double y2 = y3 - d1[1] * reach;
        double[] points = new double[2 * (TURN_SEGMENTS + 1)];
        for (int k = 0; k <= TURN_SEGMENTS; k++) {
            double t = (double) k / TURN_SEGMENTS;
            double u = 1 - t;
            double b0 = u * u * u;
            double b1 = 3 * u * u * t;
            double b2 = 3 * u * t * t;
            double b3 = t * t * t;
            points[2 * k] = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
            points[2 * k + 1] = b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3;
        }
        return points;
    }

    private static double[] unit(double[] segment) {
        double dx = segment[2] - segment[0];
        double dy = segment[3] - segment[1];
        double length = Math.hypot(dx, dy);
        return new double[] {dx / length, dy / length};
    }

    private double[] direction(RoadNetwork.Edge edge, int from, int to) {
        RoadNetwork.Node a = network.node(from);
        RoadNetwork.Node b = network.node(to);
        double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
        return new double[] {(b.x() - a.x()) / length, (b.y() - a.y()) / length};
    }
}
