package io.uavstream.cli.odometry;

import io.uavstream.analytics.geo.CameraPose;
import io.uavstream.analytics.geo.GroundProjection;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.evaluation.geometry.Quaternion;
import io.uavstream.evaluation.geometry.Vector3;
import io.uavstream.evaluation.odometry.OdometryConfig;
import io.uavstream.evaluation.odometry.OdometryEvaluator;
import io.uavstream.evaluation.odometry.OdometryRow;
import io.uavstream.evaluation.odometry.Pose;
import io.uavstream.evaluation.odometry.Trajectory;
import io.uavstream.odometry.GreyImage;
import io.uavstream.odometry.MotionModel;
import io.uavstream.odometry.OdometryStatus;
import io.uavstream.odometry.PoseEstimate;
import io.uavstream.odometry.Telemetry;
import io.uavstream.odometry.VisualOdometry;
import io.uavstream.odometry.VisualOdometryFactory;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.SimulationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates each scenario's flight (unless its directory already exists), runs the odometry over
 * the decoded video, and scores the OK frames against the simulator's true poses.
 */
final class OdometryBenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OdometryBenchRunner.class);

    private final Path workDirectory;
    private final double durationSeconds;
    private final long seed;
    private final io.uavstream.odometry.OdometryConfig config;

    OdometryBenchRunner(Path workDirectory, double durationSeconds, long seed, io.uavstream.odometry.OdometryConfig config) {
        this.workDirectory = workDirectory;
        this.durationSeconds = durationSeconds;
        this.seed = seed;
        this.config = config;
    }

    ScenarioResult run(OdometryScenario scenario) throws IOException {
        SimulatedFlight flight = SimulatedFlight.read(simulate(scenario));
        VisualOdometry odometry = VisualOdometryFactory.create(config, flight.camera());
        Tally tally = new Tally(flight.poses().size());
        try (GreyVideoReader video = new GreyVideoReader(flight.video())) {
            for (GreyImage image = video.next(); image != null && tally.frames < flight.poses().size(); image = video.next()) {
                Pose truth = flight.poses().get(tally.frames);
                Telemetry telemetry = telemetry(scenario, flight, tally.frames, truth);
                long start = System.nanoTime();
                PoseEstimate estimate = odometry.process(Math.round(truth.timestamp() * 1e6), image, telemetry);
                tally.add(estimate, truth, (System.nanoTime() - start) / 1e6);
                if (estimate.status() == OdometryStatus.OK && estimate.georeferenced()) {
                    tally.projectionErrors.addAll(projectionErrors(flight, tally.frames, truth, estimate.pose()));
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw new IOException("Decoding " + flight.video() + " failed: " + e.getMessage(), e);
        }
        if (tally.estimates.size() < 3) {
            throw new IllegalStateException(scenario + ": only " + tally.estimates.size() + " of " + tally.frames
                    + " frames were OK, too few to evaluate");
        }

        OdometryRow row = OdometryEvaluator.evaluate(scenario.name(), flight.poses(), Trajectory.of(tally.estimates),
                OdometryConfig.builder().alignment(scenario.alignment()).build()).row(scenario.name());
        return new ScenarioResult(scenario, tally.frames, tally.estimates.size(), tally.lost, tally.firstOkSeconds,
                tally.homography, tally.essential, pathLength(flight.poses(), tally.firstOkSeconds), row.ate().rmse(),
                row.scale(), row.rpeTranslation().rmse(), row.rpeRotationDegrees().rmse(),
                tally.projectionErrors.stream().mapToDouble(Double::doubleValue).toArray(),
                Arrays.copyOf(tally.millis, tally.frames));
    }

    /** Counts and estimates collected over the frames of one scenario. */
    private static final class Tally {
        final List<Pose> estimates = new ArrayList<>();
        final List<Double> projectionErrors = new ArrayList<>();
        final double[] millis;
        int frames;
        int lost;
        int homography;
        int essential;
        double firstOkSeconds = Double.NaN;

        Tally(int capacity) {
            millis = new double[capacity];
        }

        void add(PoseEstimate estimate, Pose truth, double elapsedMillis) {
            millis[frames++] = elapsedMillis;
            if (estimate.status() == OdometryStatus.LOST) {
                lost++;
            }
            if (estimate.status() != OdometryStatus.OK) {
                return;
            }
            if (Double.isNaN(firstOkSeconds)) {
                firstOkSeconds = truth.timestamp();
            }
            homography += estimate.motionModel() == MotionModel.HOMOGRAPHY ? 1 : 0;
            essential += estimate.motionModel() == MotionModel.ESSENTIAL ? 1 : 0;
            estimates.add(toPose(truth.timestamp(), estimate));
        }
    }

    /** Returns the drone directory of the scenario's flight, simulating it first when it is missing. */
    Path simulate(OdometryScenario scenario) throws IOException {
        Path directory = workDirectory.resolve(scenario.name().toLowerCase());
        Path drone = directory.resolve("drone-1");
        if (Files.isRegularFile(drone.resolve("poses_tum.txt")) && Files.isRegularFile(drone.resolve("video.ts"))) {
            LOG.info("Reusing the simulated flight in {}", drone);
            return drone;
        }
        SimulationConfig simulation = SimulationConfig.builder()
                .drones(1)
                .durationSeconds(durationSeconds)
                .seed(seed)
                .patterns(List.of(scenario.pattern()))
                .altitudeRange(scenario.altitudeMetres(), scenario.altitudeMetres())
                .offNadirRange(scenario.offNadirDegrees(), scenario.offNadirDegrees())
                .build();
        LOG.info("Simulating {} for {} s into {}", scenario, durationSeconds, directory);
        new FleetSimulation(simulation).runToDirectory(directory, progress -> { });
        return drone;
    }

    /**
     * Returns the telemetry of a frame (index from 0). The attitude comes from the true pose,
     * because the simulator's gimbal angles in telemetry.csv describe the same camera attitude.
     */
    private static Telemetry telemetry(OdometryScenario scenario, SimulatedFlight flight, int index, Pose truth) {
        double[] row = flight.telemetry().get(index);
        return switch (scenario.telemetry()) {
            case NONE -> Telemetry.NONE;
            case HEIGHT -> Telemetry.ofHeight(row[0]);
            case FULL -> {
                Quaternion q = truth.orientation();
                double[] attitude = index == 0 ? new double[] {q.w(), q.x(), q.y(), q.z()} : null;
                yield new Telemetry(row[0], row[1], row[2], attitude);
            }
        };
    }

    /**
     * Projects every object's true ground position into the frame with the true pose, casts that
     * pixel back onto the ground with the estimated pose, and returns the horizontal distances.
     */
    private static List<Double> projectionErrors(SimulatedFlight flight, int frameNumber, Pose truth,
            CameraPose estimated) {
        List<Double> errors = new ArrayList<>();
        CameraPose truePose = toCameraPose(truth);
        io.uavstream.analytics.geo.CameraIntrinsics intrinsics = flight.camera().intrinsics();
        for (double[] object : flight.objects().getOrDefault(frameNumber, List.of())) {
            io.uavstream.analytics.geo.Vector3 ground = new io.uavstream.analytics.geo.Vector3(object[0], object[1], 0);
            Optional<Point2> pixel = GroundProjection.worldToPixel(ground, intrinsics, truePose);
            if (pixel.isEmpty() || !inside(pixel.get(), flight)) {
                continue;
            }
            GroundProjection.pixelToGround(pixel.get(), intrinsics, estimated)
                    .ifPresent(point -> errors.add(Math.hypot(point.x() - object[0], point.y() - object[1])));
        }
        return errors;
    }

    private static boolean inside(Point2 pixel, SimulatedFlight flight) {
        return pixel.x() >= 0 && pixel.y() >= 0 && pixel.x() <= flight.camera().width()
                && pixel.y() <= flight.camera().height();
    }

    private static CameraPose toCameraPose(Pose pose) {
        io.uavstream.evaluation.geometry.Matrix3 m = pose.orientation().toRotationMatrix();
        double[] r = new double[9];
        for (int i = 0; i < 9; i++) {
            r[i] = m.get(i / 3, i % 3);
        }
        Vector3 p = pose.position();
        return new CameraPose(r, new io.uavstream.analytics.geo.Vector3(p.x(), p.y(), p.z()));
    }

    private static Pose toPose(double timestamp, PoseEstimate estimate) {
        double[] q = estimate.quaternion();
        io.uavstream.analytics.geo.Vector3 p = estimate.position();
        return new Pose(timestamp, new Vector3(p.x(), p.y(), p.z()), new Quaternion(q[1], q[2], q[3], q[0]));
    }

    private static double pathLength(Trajectory poses, double fromSeconds) {
        double length = 0;
        for (int i = 1; i < poses.size(); i++) {
            if (poses.get(i - 1).timestamp() >= fromSeconds) {
                length += poses.get(i).position().minus(poses.get(i - 1).position()).norm();
            }
        }
        return length;
    }
}
