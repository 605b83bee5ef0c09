package io.uavstream.simulator;

import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.camera.ImagePoint;
import io.uavstream.simulator.flight.DroneDynamics;
import io.uavstream.simulator.flight.DroneState;
import io.uavstream.simulator.flight.Trajectory;
import io.uavstream.simulator.geo.EnuFrame;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.simulator.noise.DetectionNoiseModel;
import io.uavstream.simulator.output.MotRecord;
import io.uavstream.simulator.output.MotWriter;
import io.uavstream.simulator.output.ObjectTrackWriter;
import io.uavstream.simulator.output.SnapshotWriter;
import io.uavstream.simulator.output.TelemetryWriter;
import io.uavstream.simulator.output.TumPoseWriter;
import io.uavstream.simulator.output.VideoEncoder;
import io.uavstream.simulator.render.FrameRenderer;
import io.uavstream.simulator.render.ObjectView;
import io.uavstream.simulator.render.RenderObject;
import io.uavstream.simulator.render.RenderedFrame;
import io.uavstream.simulator.render.SensorResponse;
import io.uavstream.simulator.scene.Scene;
import io.uavstream.simulator.traffic.TrafficSimulation;
import io.uavstream.simulator.traffic.WorldObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flies one drone: for every frame it steps its own copy of the traffic (every copy is identical,
 * so all drones see the same world), renders, encodes and writes telemetry, poses, ground truth
 * and detections. Runs on one worker thread.
 */
final class DroneFlight {

    private static final Logger LOG = LoggerFactory.getLogger(DroneFlight.class);

    /** Metres added around the camera's ground footprint when selecting objects to draw. */
    private static final double FOOTPRINT_MARGIN = 15;
    private static final double MAX_WIND = 8;

    private final SimulationConfig config;
    private final Scene scene;
    private final DronePlan plan;
    private final EnuFrame enu;
    private final Path directory;
    private final boolean parallelRows;
    private final SimulationProgressListener listener;
    private final FrameObserver observer;
    private final BooleanSupplier stopRequested;

    DroneFlight(SimulationConfig config, Scene scene, DronePlan plan, Path directory, boolean parallelRows,
            SimulationProgressListener listener, FrameObserver observer, BooleanSupplier stopRequested) {
        this.config = config;
        this.scene = scene;
        this.plan = plan;
        this.enu = new EnuFrame(config.origin());
        this.directory = directory;
        this.parallelRows = parallelRows;
        this.listener = listener;
        this.observer = observer;
        this.stopRequested = stopRequested;
    }

    DroneSummary fly() throws IOException {
        SplittableRandom random = new SplittableRandom(plan.seed());
        CameraIntrinsics intrinsics = config.intrinsics();
        Trajectory trajectory = FlightPlanner.plan(plan, scene, intrinsics, random.split());
        DroneDynamics dynamics = new DroneDynamics(trajectory, random.split(), MAX_WIND);
        SensorResponse response = SensorResponse.random(random.split());
        double exposureSeconds = 1 / random.nextDouble(60, 250);
        TrafficSimulation traffic = new TrafficSimulation(scene, FleetSimulation.trafficSeed(config.seed()), config.trafficDensity());
        FrameRenderer renderer = new FrameRenderer(scene, intrinsics, response, parallelRows);
        DetectionNoiseModel noise = config.noiseProfile()
                .map(profile -> new DetectionNoiseModel(profile, plan.seed()))
                .orElse(null);

        Files.createDirectories(directory);
        OutputFiles.writeIntrinsics(directory, intrinsics);
        OutputFiles.writeSeqInfo(directory, plan.droneId(), config);
        OutputFiles.writeFlight(directory, plan, config, dynamics.windSpeed(), exposureSeconds, response);

        int frames = config.frames();
        double dt = 1.0 / config.fps();
        Set<Integer> tracks = new HashSet<>();
        int written = 0;
        long detections = 0;
        long truthRecords;
        String encoderName;
        try (VideoEncoder video = new VideoEncoder(directory.resolve(FleetSimulation.VIDEO_FILE), intrinsics.width(),
                        intrinsics.height(), config.fps(), config.gopFrames(), config.bitrate());
                TelemetryWriter telemetry = new TelemetryWriter(directory.resolve(FleetSimulation.TELEMETRY_FILE), enu, intrinsics);
                TumPoseWriter poses = new TumPoseWriter(directory.resolve(FleetSimulation.POSES_FILE));
                MotWriter truth = new MotWriter(directory.resolve(FleetSimulation.GROUND_TRUTH_FILE));
                ObjectTrackWriter objects = new ObjectTrackWriter(directory.resolve(FleetSimulation.OBJECTS_FILE), enu);
                MotWriter det = noise == null ? null : new MotWriter(directory.resolve(FleetSimulation.DETECTIONS_FILE))) {
            encoderName = video.encoderName();
            for (int index = 0; index < frames && !stopRequested.getAsBoolean(); index++) {
                if (index > 0) {
                    traffic.step(dt);
                }
                int frameNumber = index + 1;
                double seconds = index * dt;
                DroneState state = dynamics.at(seconds);
                Camera camera = camera(intrinsics, state);
                Map<Integer, WorldObject> visible = objectsNear(traffic, camera);
                List<RenderObject> boxes = new ArrayList<>(visible.size());
                for (WorldObject object : visible.values()) {
                    boxes.add(object.toRenderObject());
                }
                double[] blur = config.motionBlur() ? blurVector(dynamics, intrinsics, seconds, exposureSeconds, camera) : new double[2];
                RenderedFrame frame = renderer.render(camera, boxes, blur[0], blur[1], (int) (plan.seed() ^ index * 40503L));

                List<MotRecord> frameTruth = new ArrayList<>();
                for (ObjectView view : frame.objects()) {
                    WorldObject object = visible.get(view.objectId());
                    frameTruth.add(new MotRecord(frameNumber, view.objectId(), view.left(), view.top(), view.width(),
                            view.height(), 1, object.objectClass().categoryId(), view.visibility()));
                    objects.write(frameNumber, object, view.visibility());
                    tracks.add(view.objectId());
                }
                truth.write(frameTruth);
                if (det != null) {
                    List<MotRecord> frameDetections = noise.detect(frameNumber, frameTruth, intrinsics.width(), intrinsics.height());
                    det.write(frameDetections);
                }
                observer.onFrame(plan, frameNumber, state, camera, frame, frameTruth);
                if (config.snapshotEveryFrames() > 0 && index % config.snapshotEveryFrames() == 0) {
                    SnapshotWriter.write(directory.resolve(String.format("snapshots/frame_%06d.png", frameNumber)),
                            frame.bgr(), frame.width(), frame.height());
                }
                video.encode(frame.bgr());
                telemetry.write(frameNumber, state, config.startTime().plusNanos(Math.round(seconds * 1e9)),
                        camera.intersectHorizontalPlane(intrinsics.cx(), intrinsics.cy(), 0));
                poses.write(seconds, camera.position(), camera.cameraToWorld());
                written = frameNumber;
                listener.onProgress(new SimulationProgress(plan.droneId(), frameNumber, frames));
            }
            truthRecords = truth.records();
            detections = det == null ? 0 : det.records();
        }
        long videoBytes = Files.size(directory.resolve(FleetSimulation.VIDEO_FILE));
        LOG.info("Drone {}: {} frames of {} flight at {} m, {} degrees off nadir: {} tracks, {} ground-truth boxes, "
                + "{} detections, {} video bytes", plan.droneId(), written, plan.pattern(), Math.round(plan.altitudeMetres()),
                Math.round(plan.tiltDegrees()), tracks.size(), truthRecords, detections, videoBytes);
        return new DroneSummary(plan, directory, written, videoBytes, truthRecords, detections, tracks.size(), encoderName);
    }

    static Camera camera(CameraIntrinsics intrinsics, DroneState state) {
        return new Camera(intrinsics, state.position(), state.camera().toRotation());
    }

    /** Returns the objects near the camera's ground footprint, keyed and ordered by ID. */
    private Map<Integer, WorldObject> objectsNear(TrafficSimulation traffic, Camera camera) {
        CameraIntrinsics intrinsics = camera.intrinsics();
        double[][] samples = {
            {0, 0}, {0.5, 0}, {1, 0}, {1, 0.5}, {1, 1}, {0.5, 1}, {0, 1}, {0, 0.5},
        };
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] sample : samples) {
            Vec3 ground = camera.intersectHorizontalPlane(sample[0] * intrinsics.width(), sample[1] * intrinsics.height(), 0);
            if (ground == null) {
                double reach = 10 * camera.position().z();
                ground = new Vec3(camera.position().x() + Math.copySign(reach, sample[0] - 0.5),
                        camera.position().y() + Math.copySign(reach, sample[1] - 0.5), 0);
            }
            minX = Math.min(minX, ground.x());
            maxX = Math.max(maxX, ground.x());
            minY = Math.min(minY, ground.y());
            maxY = Math.max(maxY, ground.y());
        }
        Map<Integer, WorldObject> result = new java.util.LinkedHashMap<>();
        for (WorldObject object : traffic.objectsIn(minX - FOOTPRINT_MARGIN, maxX + FOOTPRINT_MARGIN,
                minY - FOOTPRINT_MARGIN, maxY + FOOTPRINT_MARGIN)) {
            result.put(object.id(), object);
        }
        return result;
    }

    /** Returns the image motion of the ground at the image centre during the exposure, in pixels. */
    private static double[] blurVector(DroneDynamics dynamics, CameraIntrinsics intrinsics, double seconds,
            double exposureSeconds, Camera camera) {
        Vec3 ground = camera.intersectHorizontalPlane(intrinsics.cx(), intrinsics.cy(), 0);
        if (ground == null) {
            return new double[2];
        }
        ImagePoint before = camera(intrinsics, dynamics.at(seconds - exposureSeconds / 2)).project(ground);
        ImagePoint after = camera(intrinsics, dynamics.at(seconds + exposureSeconds / 2)).project(ground);
        if (before == null || after == null) {
            return new double[2];
        }
        return new double[] {after.u() - before.u(), after.v() - before.v()};
    }
}
