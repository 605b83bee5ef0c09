package io.uavstream.simulator.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The vector layout of a scene before painting. It has a jittered grid of junctions joined by main
 * and local roads, a land use per grid cell and footpaths across parks. One railway runs on bridge
 * decks where it crosses roads, and ground control points lie in open fields.
 */
final class SceneLayout {

    /** Target distance between neighbouring junctions, in metres. */
    private static final double JUNCTION_SPACING = 190;
    /** Share of local road edges removed to break the grid up. */
    private static final double LOCAL_ROAD_REMOVAL = 0.12;
    private static final double TREE_COVERED_SHARE = 0.18;
    private static final int MAX_CONTROL_POINTS = 8;

    final RoadNetwork roads;
    final List<Block> blocks;
    final RailLine rail;
    final List<BridgeDeck> decks;
    final List<GroundControlPoint> controlPoints;

    private SceneLayout(RoadNetwork roads, List<Block> blocks, RailLine rail, List<BridgeDeck> decks,
            List<GroundControlPoint> controlPoints) {
        this.roads = roads;
        this.blocks = blocks;
        this.rail = rail;
        this.decks = decks;
        this.controlPoints = controlPoints;
    }

    static SceneLayout generate(double sizeMetres, SplittableRandom random) {
        return new Generator(sizeMetres, random).generate();
    }

    /** Builds one layout; the order of random draws is fixed, so a seed always gives the same layout. */
    private static final class Generator {
        private final double size;
        private final double half;
        private final SplittableRandom random;
        private final int cells;
        private final double spacing;
        private final List<RoadNetwork.Node> nodes = new ArrayList<>();
        private final LandUse[] landUse;
        /** Edge per cell side: horizontal[(j) * cells + i] joins (i, j)-(i + 1, j); null where absent. */
        private final RoadNetwork.Edge[] horizontal;
        private final RoadNetwork.Edge[] vertical;
        private final List<RoadNetwork.Edge> edges = new ArrayList<>();

        Generator(double size, SplittableRandom random) {
            this.size = size;
            this.half = size / 2;
            this.random = random;
            this.cells = Math.max(2, (int) Math.round(size / JUNCTION_SPACING));
            this.spacing = size / cells;
            this.landUse = new LandUse[cells * cells];
            this.horizontal = new RoadNetwork.Edge[(cells + 1) * cells];
            this.vertical = new RoadNetwork.Edge[(cells + 1) * cells];
        }

        SceneLayout generate() {
            placeNodes();
            assignLandUse();
            placeRoads();
            RoadNetwork.Edge[] removable = edges.stream()
                    .filter(e -> e.roadClass() == RoadClass.LOCAL).toArray(RoadNetwork.Edge[]::new);
            removeSomeLocalRoads(removable);
            addParkFootpaths();
            List<RoadNetwork.Edge> renumbered = new ArrayList<>();
            for (RoadNetwork.Edge edge : edges) {
                renumbered.add(new RoadNetwork.Edge(renumbered.size(), edge.from(), edge.to(), edge.roadClass(),
                        edge.sidewalks(), edge.treeCovered()));
            }
            RoadNetwork network = new RoadNetwork(nodes, renumbered);
            List<Block> blocks = buildBlocks();
            RailLine rail = placeRail();
            List<BridgeDeck> decks = placeDecks(network, rail);
            List<GroundControlPoint> controlPoints = placeControlPoints(blocks, rail);
            return new SceneLayout(network, blocks, rail, decks, controlPoints);
        }

        private int nodeId(int i, int j) {
            return j * (cells + 1) + i;
        }

        private void placeNodes() {
            for (int j = 0; j <= cells; j++) {
                for (int i = 0; i <= cells; i++) {
                    double x = -half + i * spacing;
                    double y = -half + j * spacing;
                    double jitterX = random.nextDouble(-0.2, 0.2) * spacing;
                    double jitterY = random.nextDouble(-0.2, 0.2) * spacing;
                    if (i > 0 && i < cells) {
                        x += jitterX;
                    }
                    if (j > 0 && j < cells) {
                        y += jitterY;
                    }
                    nodes.add(new RoadNetwork.Node(nodeId(i, j), x, y));
                }
            }
        }

        private void assignLandUse() {
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    double cx = -half + (i + 0.5) * spacing;
                    double cy = -half + (j + 0.5) * spacing;
                    double distance = Math.hypot(cx, cy) / half;
                    landUse[j * cells + i] = drawLandUse(distance, random.nextDouble());
                }
            }
        }

        /** Draws a land use: dense city near the centre, houses around it, farmland and forest outside. */
        private static LandUse drawLandUse(double distance, double u) {
            if (distance < 0.3) {
                return pick(u, new LandUse[] {LandUse.URBAN, LandUse.PARK, LandUse.PARKING, LandUse.SUBURBAN},
                        new double[] {0.64, 0.14, 0.12, 0.10});
            }
            if (distance < 0.62) {
                return pick(u, new LandUse[] {LandUse.SUBURBAN, LandUse.PARK, LandUse.URBAN, LandUse.INDUSTRIAL,
                    LandUse.FIELD, LandUse.PARKING}, new double[] {0.48, 0.13, 0.10, 0.12, 0.12, 0.05});
            }
            return pick(u, new LandUse[] {LandUse.FIELD, LandUse.FOREST, LandUse.SUBURBAN, LandUse.INDUSTRIAL,
                LandUse.PARK}, new double[] {0.48, 0.24, 0.12, 0.08, 0.08});
        }

        private static LandUse pick(double u, LandUse[] values, double[] weights) {
            double sum = 0;
            for (int k = 0; k < values.length; k++) {
                sum += weights[k];
                if (u < sum) {
                    return values[k];
                }
            }
            return values[values.length - 1];
        }

        private LandUse cell(int i, int j) {
            if (i < 0 || j < 0 || i >= cells || j >= cells) {
                return null;
            }
            return landUse[j * cells + i];
        }

        private void placeRoads() {
            int centre = cells / 2;
            for (int j = 1; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    RoadClass roadClass = Math.floorMod(j - centre, 3) == 0 ? RoadClass.MAIN : RoadClass.LOCAL;
                    horizontal[j * cells + i] = addRoad(nodeId(i, j), nodeId(i + 1, j), roadClass, cell(i, j - 1), cell(i, j));
                }
            }
            for (int i = 1; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    RoadClass roadClass = Math.floorMod(i - centre, 3) == 0 ? RoadClass.MAIN : RoadClass.LOCAL;
                    vertical[i * cells + j] = addRoad(nodeId(i, j), nodeId(i, j + 1), roadClass, cell(i - 1, j), cell(i, j));
                }
            }
        }

        private RoadNetwork.Edge addRoad(int from, int to, RoadClass roadClass, LandUse sideA, LandUse sideB) {
            boolean sidewalks = (sideA != null && sideA.hasSidewalks()) || (sideB != null && sideB.hasSidewalks());
            boolean leafy = isLeafy(sideA) || isLeafy(sideB);
            boolean treeCovered = roadClass == RoadClass.LOCAL && leafy && random.nextDouble() < TREE_COVERED_SHARE;
            RoadNetwork.Edge edge = new RoadNetwork.Edge(edges.size(), from, to, roadClass, sidewalks, treeCovered);
            edges.add(edge);
            return edge;
        }

        private static boolean isLeafy(LandUse use) {
            return use == LandUse.SUBURBAN || use == LandUse.PARK || use == LandUse.FOREST;
        }

        private void removeSomeLocalRoads(RoadNetwork.Edge[] candidates) {
            int[] degree = new int[nodes.size()];
            for (RoadNetwork.Edge edge : edges) {
                degree[edge.from()]++;
                degree[edge.to()]++;
            }
            for (RoadNetwork.Edge edge : candidates) {
                if (random.nextDouble() >= LOCAL_ROAD_REMOVAL || degree[edge.from()] <= 2 || degree[edge.to()] <= 2) {
                    continue;
                }
                degree[edge.from()]--;
                degree[edge.to()]--;
                edges.remove(edge);
                for (int k = 0; k < horizontal.length; k++) {
                    if (horizontal[k] == edge) {
                        horizontal[k] = null;
                    }
                    if (vertical[k] == edge) {
                        vertical[k] = null;
                    }
                }
            }
        }

        private void addParkFootpaths() {
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    if (cell(i, j) != LandUse.PARK) {
                        continue;
                    }
                    boolean rising = random.nextBoolean();
                    int from = rising ? nodeId(i, j) : nodeId(i + 1, j);
                    int to = rising ? nodeId(i + 1, j + 1) : nodeId(i, j + 1);
                    edges.add(new RoadNetwork.Edge(edges.size(), from, to, RoadClass.FOOTPATH, true, false));
                }
            }
        }

        private List<Block> buildBlocks() {
            List<Block> blocks = new ArrayList<>();
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    int[] corners = {nodeId(i, j), nodeId(i + 1, j), nodeId(i + 1, j + 1), nodeId(i, j + 1)};
                    double[] polygon = new double[8];
                    for (int k = 0; k < 4; k++) {
                        polygon[2 * k] = nodes.get(corners[k]).x();
                        polygon[2 * k + 1] = nodes.get(corners[k]).y();
                    }
                    RoadNetwork.Edge[] sides = {
                        horizontal[j * cells + i], vertical[(i + 1) * cells + j],
                        horizontal[(j + 1) * cells + i], vertical[i * cells + j],
                    };
                    double[] distances = new double[4];
                    for (int k = 0; k < 4; k++) {
                        distances[k] = sides[k] == null ? 1 : sideClearance(sides[k]);
                    }
                    double[] inner = Polygons.inset(polygon, distances);
                    if (inner != null) {
                        blocks.add(new Block(j * cells + i, polygon, inner, cell(i, j)));
                    }
                }
            }
            return blocks;
        }

        private static double sideClearance(RoadNetwork.Edge edge) {
            double clearance = edge.roadClass().halfWidth() + 0.5;
            return edge.sidewalks() ? clearance + RoadNetwork.SIDEWALK_WIDTH : clearance;
        }

        private RailLine placeRail() {
            // Keep the railway at least 15 degrees away from the grid axes so that it crosses roads steeply.
            double angle = Math.toRadians(random.nextDouble(15, 75) + 90 * random.nextInt(2));
            double x = random.nextDouble(-size / 6, size / 6);
            double y = random.nextDouble(-size / 6, size / 6);
            return new RailLine(x, y, Math.cos(angle), Math.sin(angle));
        }

        private static List<BridgeDeck> placeDecks(RoadNetwork network, RailLine rail) {
            List<BridgeDeck> decks = new ArrayList<>();
            for (RoadNetwork.Edge edge : network.edges()) {
                if (!edge.roadClass().carriesVehicles()) {
                    continue;
                }
                RoadNetwork.Node a = network.node(edge.from());
                RoadNetwork.Node b = network.node(edge.to());
                double ex = b.x() - a.x();
                double ey = b.y() - a.y();
                double denominator = ex * rail.dy() - ey * rail.dx();
                if (Math.abs(denominator) < 1e-9) {
                    continue;
                }
                double t = ((rail.x() - a.x()) * rail.dy() - (rail.y() - a.y()) * rail.dx()) / denominator;
                double length = Math.hypot(ex, ey);
                double margin = 12 + Math.max(network.nodeRadius(edge.from()), network.nodeRadius(edge.to()));
                if (t * length < margin || (1 - t) * length < margin) {
                    continue;
                }
                double sine = Math.abs(denominator) / length;
                double roadWidth = 2 * (edge.roadClass().halfWidth() + RoadNetwork.SIDEWALK_WIDTH + 3);
                double deckLength = Math.min(60, roadWidth / sine);
                double cx = a.x() + t * ex;
                double cy = a.y() + t * ey;
                double heading = Math.atan2(rail.dx(), rail.dy());
                decks.add(new BridgeDeck(Polygons.rectangle(cx, cy, deckLength, BridgeDeck.WIDTH, heading),
                        rail.dx(), rail.dy()));
            }
            return decks;
        }

        private static List<GroundControlPoint> placeControlPoints(List<Block> blocks, RailLine rail) {
            List<GroundControlPoint> points = new ArrayList<>();
            for (Block block : blocks) {
                if (block.landUse() != LandUse.FIELD || points.size() == MAX_CONTROL_POINTS) {
                    continue;
                }
                double[] centre = block.centre();
                // Snap to the 0.5 m texel grid so that the painted square is symmetric about the point.
                double x = Math.round(centre[0] * 2) / 2.0;
                double y = Math.round(centre[1] * 2) / 2.0;
                if (rail.distance(x, y) > 25 && Polygons.contains(block.inner(), x, y)) {
                    points.add(new GroundControlPoint(points.size() + 1, x, y));
                }
            }
            return List.copyOf(points);
        }
    }
}
