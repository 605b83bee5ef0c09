package io.uavstream.simulator.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ways of a scene as a graph: nodes are junctions or dead ends, edges straight ways between
 * them. Coordinates are ENU metres. Immutable once built.
 */
public final class RoadNetwork {

    /** Width in metres of the pavement beside a road that has sidewalks. */
    public static final double SIDEWALK_WIDTH = 2.5;

    /** A junction or dead end at (x, y). */
    public record Node(int id, double x, double y) {}

    /**
     * A straight way between two nodes; vehicles use it in both directions.
     *
     * @param sidewalks whether pedestrians walk beside the road (always true for footpaths)
     * @param treeCovered whether a closed tree canopy covers the way
     */
    public record Edge(int id, int from, int to, RoadClass roadClass, boolean sidewalks, boolean treeCovered) {

        /** Returns the node at the other end from {@code node}. */
        public int otherEnd(int node) {
            return node == from ? to : from;
        }
    }

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<List<Edge>> incident;
    private final double[] nodeRadius;

    RoadNetwork(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        List<List<Edge>> lists = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            lists.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            lists.get(edge.from()).add(edge);
            lists.get(edge.to()).add(edge);
        }
        this.incident = new ArrayList<>();
        this.nodeRadius = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            incident.add(Collections.unmodifiableList(lists.get(i)));
            double radius = 2;
            for (Edge edge : lists.get(i)) {
                if (edge.roadClass().carriesVehicles()) {
                    radius = Math.max(radius, edge.roadClass().halfWidth() + 2);
                }
            }
            nodeRadius[i] = radius;
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    /** Returns the edges that meet at {@code node}. */
    public List<Edge> edgesAt(int node) {
        return incident.get(node);
    }

    /** Returns the distance in metres from a node's centre at which lanes leave the junction area. */
    public double nodeRadius(int node) {
        return nodeRadius[node];
    }

    /** Returns the length of an edge in metres, centre to centre. */
    public double length(Edge edge) {
        Node a = nodes.get(edge.from());
        Node b = nodes.get(edge.to());
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    /** Returns the total centre-line length in metres of the edges of {@code roadClass}. */
    public double totalLength(RoadClass roadClass) {
        double sum = 0;
        for (Edge edge : edges) {
            if (edge.roadClass() == roadClass) {
                sum += length(edge);
            }
        }
        return sum;
    }
}
