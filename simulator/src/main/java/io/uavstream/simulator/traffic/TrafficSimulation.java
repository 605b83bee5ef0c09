package io.uavstream.simulator.traffic;

import io.uavstream.simulator.scene.ParkingSpot;
import io.uavstream.simulator.scene.RoadClass;
import io.uavstream.simulator.scene.RoadNetwork;
import io.uavstream.simulator.scene.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves vehicles, cyclists and pedestrians over a scene's road network in fixed time steps.
 *
 * <p>Vehicles keep to the right in their lane, slow down for turns and for the vehicle ahead (1.1 s
 * time gap, 1.5 m standstill gap), and sometimes stop at junctions; buses stop at stops along the
 * way and pedestrians pause. Parked cars and trucks stand in marked stalls for the whole run. The
 * run depends only on the scene, the seed, the density and the step sequence: two instances built
 * alike and stepped alike hold identical states.
 *
 * <p>NOTE: vehicles only react to the vehicle ahead in their own direction, so crossing traffic
 * passes through each other inside junctions.
 */
public final class TrafficSimulation {

    /** Motor vehicles per kilometre of lane at density 1. */
    static final double VEHICLES_PER_LANE_KM = 18;
    /** Pedestrians per kilometre of sidewalk (each side) or footpath at density 1. */
    static final double PEDESTRIANS_PER_KM = 15;
    static final double PARKED_SHARE = 0.65;

    private static final double ACCELERATION = 2.0;
    private static final double BRAKING = 3.5;
    private static final double WALK_ACCELERATION = 1.0;
    private static final double FOLLOW_TIME_GAP = 1.1;
    private static final double STANDSTILL_GAP = 1.5;
    private static final double FOLLOW_RANGE = 30;
    private static final double GRID_CELL = 32;

    private final Scene scene;
    private final Router router;
    private final SplittableRandom random;
    private final Agent[] agents;
    private final int gridSide;
    private final int[] cellHead;
    private final int[] nextInCell;
    private double time;

    /**
     * Populates the scene's roads.
     *
     * @param density multiplier of the default object counts, 0 to 5
     */
    public TrafficSimulation(Scene scene, long seed, double density) {
        if (!(density >= 0 && density <= 5)) {
            throw new IllegalArgumentException("traffic density must be between 0 and 5, got " + density);
        }
        this.scene = scene;
        this.router = new Router(scene.roads());
        SplittableRandom root = new SplittableRandom(seed);
        this.agents = new Spawner(router, root.split(), density).spawn(scene.parkingSpots());
        this.random = root.split();
        this.gridSide = (int) Math.ceil(scene.sizeMetres() / GRID_CELL);
        this.cellHead = new int[gridSide * gridSide];
        this.nextInCell = new int[agents.length];
        for (Agent agent : agents) {
            if (!agent.parked) {
                agent.nextEdge = router.chooseNext(agent, agent.toNode, agent.edge, random);
                agent.nextTurnSpeed = router.turnSpeed(agent, agent.edge, agent.fromNode, agent.toNode, agent.nextEdge);
                agent.leg.poseAt(agent.s, agent.pose);
            }
        }
    }

    /** Returns the simulated time in seconds since the start. */
    public double time() {
        return time;
    }

    /** Returns the number of objects, parked ones included. */
    public int objectCount() {
        return agents.length;
    }

    /** Advances every object by {@code dt} seconds. */
    public void step(double dt) {
        if (!(dt > 0 && dt <= 1)) {
            throw new IllegalArgumentException("time step must be in (0, 1] seconds, got " + dt);
        }
        rebuildGrid();
        for (Agent agent : agents) {
            if (!agent.parked) {
                agent.targetSpeed = targetSpeed(agent);
            }
        }
        for (Agent agent : agents) {
            if (!agent.parked) {
                move(agent, dt);
            }
        }
        time += dt;
    }

    /** Returns the objects whose centre lies in the rectangle [minX, maxX] x [minY, maxY], by ID. */
    public List<WorldObject> objectsIn(double minX, double maxX, double minY, double maxY) {
        List<WorldObject> result = new ArrayList<>();
        for (Agent agent : agents) {
            double x = agent.pose[0];
            double y = agent.pose[1];
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                result.add(agent.snapshot());
            }
        }
        return result;
    }

    /** Returns every object, by ID. */
    public List<WorldObject> objects() {
        List<WorldObject> result = new ArrayList<>(agents.length);
        for (Agent agent : agents) {
            result.add(agent.snapshot());
        }
        return result;
    }

    private double targetSpeed(Agent agent) {
        if (agent.stopTimer > 0) {
            return 0;
        }
        double braking = agent.objectClass == ObjectClass.PEDESTRIAN ? WALK_ACCELERATION : BRAKING;
        double target = agent.desiredSpeed;
        double remaining = agent.leg.length() - agent.s;
        if (agent.s < agent.leg.turnEnd) {
            target = Math.min(target, agent.leg.turnSpeed);
        }
        target = Math.min(target, Math.sqrt(square(agent.nextTurnSpeed) + 2 * braking * remaining));
        if (agent.stopAtEnd) {
            target = Math.min(target, Math.sqrt(2 * braking * Math.max(0, remaining - 0.5)) + 0.2);
        }
        if (!Double.isNaN(agent.stopAt) && agent.s < agent.stopAt) {
            target = Math.min(target, Math.sqrt(2 * braking * Math.max(0, agent.stopAt - agent.s)) + 0.2);
        }
        if (agent.objectClass != ObjectClass.PEDESTRIAN) {
            target = Math.min(target, followingSpeed(agent));
        }
        return target;
    }

    private void move(Agent agent, double dt) {
        if (agent.stopTimer > 0) {
            agent.stopTimer -= dt;
            agent.speed = 0;
            return;
        }
        double acceleration = agent.objectClass == ObjectClass.PEDESTRIAN ? WALK_ACCELERATION : ACCELERATION;
        double braking = agent.objectClass == ObjectClass.PEDESTRIAN ? WALK_ACCELERATION : 2 * BRAKING;
        double change = Math.max(-braking * dt, Math.min(acceleration * dt, agent.targetSpeed - agent.speed));
        agent.speed = Math.max(0, agent.speed + change);
        agent.s += agent.speed * dt;
        if (!Double.isNaN(agent.stopAt) && agent.s >= agent.stopAt) {
            agent.s = agent.stopAt;
            beginDwell(agent);
            agent.stopAt = Double.NaN;
        } else if (agent.stopAtEnd && agent.s >= agent.leg.length() - 0.5) {
            agent.s = Math.min(agent.s, agent.leg.length() - 0.01);
            beginDwell(agent);
            agent.stopAtEnd = false;
        }
        while (agent.s >= agent.leg.length()) {
            agent.s -= agent.leg.length();
            enterNextEdge(agent);
        }
        agent.leg.poseAt(agent.s, agent.pose);
    }

    private static void beginDwell(Agent agent) {
        agent.stopTimer = agent.dwell;
        agent.speed = 0;
    }

    private void enterNextEdge(Agent agent) {
        int node = agent.toNode;
        Leg leg = router.turnInto(agent, agent.edge, agent.fromNode, node, agent.nextEdge);
        agent.edge = agent.nextEdge;
        agent.fromNode = node;
        agent.toNode = router.network().edges().get(agent.edge).otherEnd(node);
        agent.leg = leg;
        agent.nextEdge = router.chooseNext(agent, agent.toNode, agent.edge, random);
        agent.nextTurnSpeed = router.turnSpeed(agent, agent.edge, agent.fromNode, agent.toNode, agent.nextEdge);
        planStops(agent, random);
    }

    /** Decides whether the agent stops on its new leg: at the junction ahead, at a bus stop, or for a pause. */
    static void planStops(Agent agent, SplittableRandom random) {
        agent.stopAtEnd = false;
        agent.stopAt = Double.NaN;
        double straight = agent.leg.length() - agent.leg.turnEnd;
        switch (agent.objectClass) {
            case BUS -> {
                if (random.nextDouble() < 0.6 && straight > 40) {
                    agent.stopAt = agent.leg.turnEnd + straight * random.nextDouble(0.35, 0.7);
                    agent.dwell = random.nextDouble(8, 20);
                }
            }
            case PEDESTRIAN -> {
                if (random.nextDouble() < 0.25 && straight > 10) {
                    agent.stopAt = agent.leg.turnEnd + straight * random.nextDouble(0.1, 0.9);
                    agent.dwell = random.nextDouble(2, 12);
                } else if (random.nextDouble() < 0.4) {
                    agent.stopAtEnd = true;
                    agent.dwell = random.nextDouble(2, 8);
                }
            }
            default -> {
                if (random.nextDouble() < 0.3) {
                    agent.stopAtEnd = true;
                    agent.dwell = random.nextDouble(1, 5);
                }
            }
        }
    }

    /** Returns the highest speed that keeps the time gap to the nearest object ahead in the agent's direction. */
    private double followingSpeed(Agent agent) {
        double x = agent.pose[0];
        double y = agent.pose[1];
        double fx = Math.sin(agent.pose[2]);
        double fy = Math.cos(agent.pose[2]);
        int cx = cell(x);
        int cy = cell(y);
        double limit = Double.POSITIVE_INFINITY;
        for (int gy = cy - 1; gy <= cy + 1; gy++) {
            for (int gx = cx - 1; gx <= cx + 1; gx++) {
                if (gx < 0 || gy < 0 || gx >= gridSide || gy >= gridSide) {
                    continue;
                }
                for (int k = cellHead[gy * gridSide + gx]; k >= 0; k = nextInCell[k]) {
                    Agent other = agents[k];
                    if (other == agent || other.parked || other.objectClass == ObjectClass.PEDESTRIAN) {
                        continue;
                    }
                    double dx = other.pose[0] - x;
                    double dy = other.pose[1] - y;
                    double along = dx * fx + dy * fy;
                    if (along <= 0 || along > FOLLOW_RANGE) {
                        continue;
                    }
                    double across = Math.abs(dx * fy - dy * fx);
                    double alignment = fx * Math.sin(other.pose[2]) + fy * Math.cos(other.pose[2]);
                    if (across > (agent.width + other.width) / 2 + 0.4 || alignment < 0.5) {
                        continue;
                    }
                    double gap = along - (agent.length + other.length) / 2;
                    limit = Math.min(limit, Math.max(0, (gap - STANDSTILL_GAP) / FOLLOW_TIME_GAP));
                }
            }
        }
        return limit;
    }

    private void rebuildGrid() {
        Arrays.fill(cellHead, -1);
        for (int k = agents.length - 1; k >= 0; k--) {
            Agent agent = agents[k];
            int gx = Math.max(0, Math.min(gridSide - 1, cell(agent.pose[0])));
            int gy = Math.max(0, Math.min(gridSide - 1, cell(agent.pose[1])));
            int index = gy * gridSide + gx;
            nextInCell[k] = cellHead[index];
            cellHead[index] = k;
        }
    }

    private int cell(double coordinate) {
        return (int) Math.floor((coordinate - scene.minCoordinate()) / GRID_CELL);
    }

    private static double square(double value) {
        return value * value;
    }

    /** Places the initial objects: vehicles in lanes, pedestrians on sidewalks and footpaths, parked vehicles in stalls. */
    private static final class Spawner {
        private final Router router;
        private final SplittableRandom random;
        private final double density;
        private final List<Agent> agents = new ArrayList<>();

        Spawner(Router router, SplittableRandom random, double density) {
            this.router = router;
            this.random = random;
            this.density = density;
        }

        Agent[] spawn(List<ParkingSpot> parkingSpots) {
            RoadNetwork network = router.network();
            for (RoadNetwork.Edge edge : network.edges()) {
                RoadClass roadClass = edge.roadClass();
                for (int direction = 0; direction < 2; direction++) {
                    int from = direction == 0 ? edge.from() : edge.to();
                    for (int lane = 0; lane < roadClass.lanesPerDirection(); lane++) {
                        populate(edge, from, VEHICLES_PER_LANE_KM, lane, 12);
                    }
                    if (edge.sidewalks() && roadClass.carriesVehicles()) {
                        populate(edge, from, PEDESTRIANS_PER_KM, -1, 3);
                    }
                    if (roadClass == RoadClass.FOOTPATH) {
                        populate(edge, from, PEDESTRIANS_PER_KM, -1, 3);
                    }
                }
            }
            for (ParkingSpot spot : parkingSpots) {
                if (random.nextDouble() < PARKED_SHARE * Math.min(1, density)) {
                    addParked(spot);
                }
            }
            return agents.toArray(new Agent[0]);
        }

        /** Adds objects along one direction of an edge: lane >= 0 for vehicles, -1 for pedestrians. */
        private void populate(RoadNetwork.Edge edge, int from, double perKm, int lane, double minSpacing) {
            double length = router.network().length(edge);
            double mean = length / 1000 * perKm * density;
            int count = (int) Math.floor(mean + random.nextDouble());
            double[] positions = new double[count];
            for (int k = 0; k < count; k++) {
                positions[k] = random.nextDouble();
            }
            Arrays.sort(positions);
            double lastPlaced = Double.NEGATIVE_INFINITY;
            for (double fraction : positions) {
                ObjectClass objectClass = lane >= 0 ? vehicleClass(edge.roadClass(), lane) : pedestrianClass(edge);
                Agent agent = newAgent(objectClass, lane, false);
                if (!Router.allows(objectClass, edge)) {
                    continue;
                }
                Leg leg = router.straightLeg(agent, edge.id(), from);
                double s = fraction * leg.length();
                if (s - lastPlaced < minSpacing) {
                    continue;
                }
                lastPlaced = s;
                agent.edge = edge.id();
                agent.fromNode = from;
                agent.toNode = edge.otherEnd(from);
                agent.leg = leg;
                agent.s = s;
                agent.speed = agent.desiredSpeed * random.nextDouble(0.5, 1.0);
                planStops(agent, random);
                agents.add(agent);
            }
        }

        private ObjectClass vehicleClass(RoadClass roadClass, int lane) {
            double u = random.nextDouble();
            if (roadClass == RoadClass.MAIN) {
                if (lane == 1 && u < 0.08) {
                    return ObjectClass.BUS;
                }
                if (lane == 1 && u < 0.2) {
                    return ObjectClass.TRUCK;
                }
                if (u < 0.3) {
                    return ObjectClass.VAN;
                }
                return u < 0.37 ? ObjectClass.MOTOR : ObjectClass.CAR;
            }
            if (u < 0.07) {
                return ObjectClass.BICYCLE;
            }
            if (u < 0.13) {
                return ObjectClass.MOTOR;
            }
            if (u < 0.23) {
                return ObjectClass.VAN;
            }
            return u < 0.26 ? ObjectClass.TRUCK : ObjectClass.CAR;
        }

        private ObjectClass pedestrianClass(RoadNetwork.Edge edge) {
            return edge.roadClass() == RoadClass.FOOTPATH && random.nextDouble() < 0.2
                    ? ObjectClass.BICYCLE : ObjectClass.PEDESTRIAN;
        }

        private Agent newAgent(ObjectClass objectClass, int lane, boolean parked) {
            double scale = random.nextDouble(0.92, 1.08);
            int[] colors = Liveries.draw(objectClass, random);
            double speed = random.nextDouble(objectClass.minSpeed(), objectClass.maxSpeed());
            return new Agent(agents.size() + 1, objectClass, objectClass.length() * scale,
                    objectClass.width() * random.nextDouble(0.95, 1.05), objectClass.height() * random.nextDouble(0.94, 1.06),
                    colors[0], colors[1], speed, parked, Math.max(0, lane), random.nextBoolean() ? 1 : -1, random.nextDouble());
        }

        private void addParked(ParkingSpot spot) {
            ObjectClass objectClass = spot.large() ? ObjectClass.TRUCK : random.nextDouble() < 0.85 ? ObjectClass.CAR : ObjectClass.VAN;
            Agent agent = newAgent(objectClass, 0, true);
            agent.pose[0] = spot.x();
            agent.pose[1] = spot.y();
            agent.pose[2] = Math.toRadians(spot.headingDegrees() + (random.nextBoolean() ? 0 : 180));
            agents.add(agent);
        }
    }
}
