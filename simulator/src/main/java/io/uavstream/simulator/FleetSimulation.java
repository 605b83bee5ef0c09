package io.uavstream.simulator;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.Ingestor;
import io.uavstream.simulator.scene.Scene;
import io.uavstream.simulator.scene.SceneGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates a fleet of drones over one generated scene and writes, per drone, an H.264 transport
 * stream with exact ground truth (see docs/simulator.md for every file), or publishes the streams
 * to Kafka through ingest.
 *
 * <pre>{@code
 * FleetSimulation simulation = new FleetSimulation(SimulationConfig.builder().drones(4).seed(7).build());
 * SimulationSummary summary = simulation.runToDirectory(Path.of("flights"), p -> {});
 * }</pre>
 *
 * <p>Every output byte depends only on the configuration, not on thread scheduling or the number of
 * threads. Drones run in parallel on {@link SimulationConfig#threads()} worker threads; when there
 * are fewer drones than threads, each drone also renders its rows in parallel. {@link #stop()} may
 * be called from any thread.
 */
public final class FleetSimulation {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSimulation.class);

    /** File names inside each drone's directory. */
    public static final String VIDEO_FILE = "video.ts";
    public static final String TELEMETRY_FILE = "telemetry.csv";
    public static final String POSES_FILE = "poses_tum.txt";
    public static final String INTRINSICS_FILE = "intrinsics.json";
    public static final String OBJECTS_FILE = "objects.csv";
    public static final String GROUND_TRUTH_FILE = "gt/gt.txt";
    public static final String DETECTIONS_FILE = "det/det.txt";

    private static final long TRAFFIC_SEED_SALT = 0x7261666669634CL;

    private final SimulationConfig config;
    private final List<DronePlan> plans;
    private final List<Ingestor> runningIngestors = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;

    public FleetSimulation(SimulationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.plans = planDrones(config);
    }

    public SimulationConfig config() {
        return config;
    }

    /** Returns the settings drawn for each drone, in fleet order. */
    public List<DronePlan> plans() {
        return plans;
    }

    /**
     * Writes the fleet's camera model as {@code intrinsics.json} into {@code directory}, the file
     * that every drone's output also holds, and returns its path. It lets a consumer, such as a
     * job's visual odometry, be configured before the flights are rendered.
     *
     * @throws SimulationException if the file cannot be written
     */
    public Path writeIntrinsics(Path directory) {
        try {
            Files.createDirectories(directory);
            OutputFiles.writeIntrinsics(directory, config.intrinsics());
        } catch (IOException e) {
            throw new SimulationException("Failed to write the camera intrinsics into " + directory, e);
        }
        return directory.resolve(INTRINSICS_FILE);
    }

    /** Runs without a progress listener; see {@link #runToDirectory(Path, SimulationProgressListener)}. */
    public SimulationSummary runToDirectory(Path outputDirectory) {
        return runToDirectory(outputDirectory, SimulationProgressListener.NONE);
    }

    /**
     * Generates the scene and flies every drone, writing {@code scene.json} and {@code
     * control_points.csv} into {@code outputDirectory} and each drone's files into {@code
     * outputDirectory/DRONE_ID/}, replacing files of the same names. Blocks until all drones are done.
     *
     * @throws SimulationException if a drone fails; the other drones are cancelled
     */
    public SimulationSummary runToDirectory(Path outputDirectory, SimulationProgressListener listener) {
        return runToDirectory(outputDirectory, listener, FrameObserver.NONE);
    }

    SimulationSummary runToDirectory(Path outputDirectory, SimulationProgressListener listener, FrameObserver observer) {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(listener, "listener");
        long started = System.nanoTime();
        LOG.info("Starting simulation into {}: {}", outputDirectory, config);
        Scene scene = SceneGenerator.generate(config.seed(), config.sceneSizeMetres());
        try {
            Files.createDirectories(outputDirectory);
            OutputFiles.writeScene(outputDirectory, scene, config, plans);
        } catch (IOException e) {
            throw new SimulationException("Failed to write the scene description into " + outputDirectory, e);
        }
        int threads = Math.min(config.threads(), config.drones());
        boolean parallelRows = config.drones() < config.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            List<Future<DroneSummary>> futures = new ArrayList<>();
            for (DronePlan plan : plans) {
                DroneFlight flight = new DroneFlight(config, scene, plan, outputDirectory.resolve(plan.droneId()),
                        parallelRows, listener, observer, () -> stopRequested);
                futures.add(pool.submit(flight::fly));
            }
            List<DroneSummary> drones = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                drones.add(await(futures, i, pool));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            LOG.info("Simulation of {} drones x {} frames finished in {} ms{}", config.drones(), config.frames(),
                    elapsed.toMillis(), stopRequested ? " (stopped early)" : "");
            return new SimulationSummary(outputDirectory, config.seed(), drones, elapsed, stopRequested);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Renders into a temporary directory, publishes, then deletes the directory; see {@link #runLive(String, String, Path, SimulationProgressListener)}. */
    public LiveRunSummary runLive(String bootstrapServers, String topic) {
        Path directory;
        try {
            directory = Files.createTempDirectory("uavstream-simulation-");
        } catch (IOException e) {
            throw new SimulationException("Failed to create a temporary directory for the rendered flights", e);
        }
        try {
            return runLive(bootstrapServers, topic, directory, SimulationProgressListener.NONE);
        } finally {
            deleteRecursively(directory);
        }
    }

    /**
     * Renders every drone into {@code outputDirectory} (as {@link #runToDirectory} does), then
     * publishes all drones' streams to {@code topic} at once, each at its real frame rate, through
     * ingest's {@link Ingestor} (one VideoPacket per access unit, keyed by drone ID, with the
     * drone's {@code telemetry.csv} sample of its frame attached). Blocks until
     * every stream is published or {@link #stop()} is called.
     *
     * <p>NOTE: rendering finishes before publishing starts, so the live phase begins after the
     * rendering time, not at once.
     *
     * @throws SimulationException if rendering fails or a drone's publishing fails
     */
    public LiveRunSummary runLive(String bootstrapServers, String topic, Path outputDirectory, SimulationProgressListener listener) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        SimulationSummary rendering = runToDirectory(outputDirectory, listener);
        ExecutorService pool = Executors.newFixedThreadPool(rendering.drones().size(), workerThreads());
        try {
            Map<String, Future<IngestResult>> futures = new LinkedHashMap<>();
            for (DroneSummary drone : rendering.drones()) {
                IngestOptions options = IngestOptions.builder()
                        .droneId(drone.droneId())
                        .source(drone.video())
                        .telemetry(drone.telemetry())
                        .bootstrapServers(bootstrapServers)
                        .topic(topic)
                        .realtime(true)
                        .build();
                Ingestor ingestor = new Ingestor(options);
                runningIngestors.add(ingestor);
                if (stopRequested) {
                    ingestor.stop();
                }
                futures.put(drone.droneId(), pool.submit(() -> ingestor.run()));
            }
            Map<String, IngestResult> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<IngestResult>> entry : futures.entrySet()) {
                results.put(entry.getKey(), awaitIngest(entry.getKey(), entry.getValue()));
            }
            return new LiveRunSummary(rendering, results);
        } finally {
            runningIngestors.clear();
            pool.shutdownNow();
        }
    }

    /** Requests the run to end: drones finish their current frame and close their files, publishing stops. */
    public void stop() {
        stopRequested = true;
        for (Ingestor ingestor : runningIngestors) {
            ingestor.stop();
        }
    }

    /** Returns the seed of the traffic, which every drone's copy shares so that all drones see the same objects. */
    static long trafficSeed(long seed) {
        return new SplittableRandom(seed ^ TRAFFIC_SEED_SALT).nextLong();
    }

    private static List<DronePlan> planDrones(SimulationConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        List<DronePlan> plans = new ArrayList<>();
        for (int index = 0; index < config.drones(); index++) {
            long seed = random.nextLong();
            SplittableRandom draw = new SplittableRandom(seed);
            FlightPattern pattern = config.patterns().get(index % config.patterns().size());
            double altitude = draw.nextDouble() * (config.maxAltitudeMetres() - config.minAltitudeMetres())
                    + config.minAltitudeMetres();
            double tilt = pattern == FlightPattern.LAWNMOWER
                    ? config.minOffNadirDegrees()
                    : draw.nextDouble() * (config.maxOffNadirDegrees() - config.minOffNadirDegrees()) + config.minOffNadirDegrees();
            plans.add(new DronePlan(index, config.droneId(index), pattern, altitude, tilt, seed));
        }
        return List.copyOf(plans);
    }

    private DroneSummary await(List<Future<DroneSummary>> futures, int index, ExecutorService pool) {
        String droneId = plans.get(index).droneId();
        try {
            return futures.get(index).get();
        } catch (ExecutionException e) {
            LOG.error("Drone {} failed, cancelling the other drones", droneId, e.getCause());
            for (Future<DroneSummary> future : futures) {
                future.cancel(true);
            }
            throw new SimulationException("Simulation of drone " + droneId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            pool.shutdownNow();
            throw new SimulationException("Interrupted while waiting for drone " + droneId, e);
        }
    }

    private IngestResult awaitIngest(String droneId, Future<IngestResult> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            LOG.error("Publishing drone {} failed, stopping the other drones", droneId, e.getCause());
            stop();
            throw new SimulationException("Publishing drone " + droneId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new SimulationException("Interrupted while publishing drone " + droneId, e);
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "uavstream-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Failed to delete the temporary directory {}: {}", directory, e.toString());
        }
    }
}
