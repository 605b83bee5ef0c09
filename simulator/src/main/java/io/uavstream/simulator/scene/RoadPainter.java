package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Paints the road network: sidewalks, asphalt, lane markings, zebra crossings and footpaths. */
final class RoadPainter {

    private static final double DASH = 3;
    private static final double DASH_PERIOD = 9;

    private final RoadNetwork network;
    private final PaintContext context;
    private final SceneCanvas canvas;

    RoadPainter(RoadNetwork network, PaintContext context) {
        this.network = network;
        this.context = context;
        this.canvas = context.canvas;
    }

    void paint(SplittableRandom random) {
        for (RoadNetwork.Edge edge : network.edges()) {
            if (edge.roadClass() == RoadClass.FOOTPATH) {
                paintWay(edge, RoadClass.FOOTPATH.halfWidth(), Palette.PATH);
            } else if (edge.sidewalks()) {
                paintWay(edge, edge.roadClass().halfWidth() + RoadNetwork.SIDEWALK_WIDTH, Palette.SIDEWALK);
                paintWay(edge, edge.roadClass().halfWidth() + 0.25, Palette.KERB);
            }
        }
        for (RoadNetwork.Edge edge : network.edges()) {
            if (edge.roadClass().carriesVehicles()) {
                int asphalt = edge.roadClass() == RoadClass.MAIN ? Palette.ASPHALT_MAIN : Palette.ASPHALT;
                paintWay(edge, edge.roadClass().halfWidth(), asphalt);
            }
        }
        for (RoadNetwork.Edge edge : network.edges()) {
            if (edge.roadClass().carriesVehicles()) {
                paintMarkings(edge, random);
            }
        }
    }

    /** Paints a band of {@code halfWidth} along the edge, with round ends that fill the junctions. */
    private void paintWay(RoadNetwork.Edge edge, double halfWidth, int color) {
        RoadNetwork.Node a = network.node(edge.from());
        RoadNetwork.Node b = network.node(edge.to());
        TexelShader shader = (index, x, y) -> {
            double n = context.noise.sample(x / 6, y / 6);
            canvas.colors[index] = Colors.scale(color, 0.94 + 0.12 * n);
        };
        canvas.fillSegment(a.x(), a.y(), b.x(), b.y(), halfWidth, shader);
        canvas.fillCircle(a.x(), a.y(), halfWidth, shader);
        canvas.fillCircle(b.x(), b.y(), halfWidth, shader);
    }

    private void paintMarkings(RoadNetwork.Edge edge, SplittableRandom random) {
        RoadNetwork.Node a = network.node(edge.from());
        RoadNetwork.Node b = network.node(edge.to());
        double length = network.length(edge);
        double dx = (b.x() - a.x()) / length;
        double dy = (b.y() - a.y()) / length;
        double start = network.nodeRadius(edge.from()) + 1;
        double end = length - network.nodeRadius(edge.to()) - 1;
        if (end <= start) {
            return;
        }
        RoadClass roadClass = edge.roadClass();
        if (roadClass == RoadClass.MAIN) {
            line(a, dx, dy, 0, start, end, 0.35, false);
            line(a, dx, dy, roadClass.laneWidth(), start, end, 0.28, true);
            line(a, dx, dy, -roadClass.laneWidth(), start, end, 0.28, true);
            line(a, dx, dy, roadClass.halfWidth() - 0.7, start, end, 0.25, false);
            line(a, dx, dy, -(roadClass.halfWidth() - 0.7), start, end, 0.25, false);
        } else {
            line(a, dx, dy, 0, start, end, 0.28, true);
        }
        if (edge.sidewalks()) {
            if (random.nextDouble() < 0.6) {
                zebra(a, dx, dy, start + 1.5, roadClass.halfWidth());
            }
            if (random.nextDouble() < 0.6) {
                zebra(a, dx, dy, end - 4.5, roadClass.halfWidth());
            }
        }
    }

    /** Paints a line parallel to the edge at signed lateral {@code offset}, solid or dashed, from {@code start} to {@code end} metres. */
    private void line(RoadNetwork.Node a, double dx, double dy, double offset, double start, double end,
            double halfWidth, boolean dashed) {
        double ox = a.x() + dy * offset;
        double oy = a.y() - dx * offset;
        if (!dashed) {
            canvas.fillSegment(ox + dx * start, oy + dy * start, ox + dx * end, oy + dy * end, halfWidth, this::mark);
            return;
        }
        for (double s = start; s + DASH <= end; s += DASH_PERIOD) {
            canvas.fillSegment(ox + dx * s, oy + dy * s, ox + dx * (s + DASH), oy + dy * (s + DASH), halfWidth, this::mark);
        }
    }

    /** Paints zebra bars 3 m long, parallel to the traffic, across the carriageway from {@code at} metres along the edge. */
    private void zebra(RoadNetwork.Node a, double dx, double dy, double at, double halfWidth) {
        for (double offset = -halfWidth + 0.8; offset <= halfWidth - 0.8; offset += 1.2) {
            double ox = a.x() + dy * offset;
            double oy = a.y() - dx * offset;
            canvas.fillSegment(ox + dx * at, oy + dy * at, ox + dx * (at + 3), oy + dy * (at + 3), 0.3, this::mark);
        }
    }

    private void mark(int index, double x, double y) {
        canvas.colors[index] = Palette.MARKING;
    }
}
