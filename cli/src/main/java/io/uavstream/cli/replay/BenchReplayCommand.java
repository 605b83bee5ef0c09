package io.uavstream.cli.replay;

import com.sun.management.OperatingSystemMXBean;
import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.job.replay.ReplayOptions;
import io.uavstream.job.replay.ReplayRange;
import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import io.uavstream.models.DefaultModel;
import io.uavstream.operators.AnalysisCounters;
import io.uavstream.simulator.DroneSummary;
import io.uavstream.simulator.FleetSimulation;
import io.uavstream.simulator.SimulationConfig;
import io.uavstream.simulator.SimulationSummary;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code uavstream bench replay}: records a simulated fleet into the video topic of an embedded
 * Kafka broker, measures the topic's size per drone-hour, and replays the whole flight at full
 * speed.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Record a simulated fleet in an embedded Kafka broker, measure the video topic's bytes per"
                + " drone-hour, and time a replay of the whole flight at --speed max.")
public final class BenchReplayCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchReplayCommand.class);

    @Option(names = "--drones", defaultValue = "4", description = "Simulated drones (default: ${DEFAULT-VALUE}).")
    private int drones;

    @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
            description = "Flight duration (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--model", paramLabel = "DESCRIPTOR",
            description = "Model descriptor (.json) or ONNX file."
                    + " Default: the first bundled model (uavdet-416-pruned in this release).")
    private Path model;

    @Option(names = "--parallelism", defaultValue = "1", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--intra-op-threads", defaultValue = "0",
            description = "ONNX Runtime intra-op threads per slot; 0 divides the cores among the slots (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Directory for the rendered flights (default: a temporary directory).")
    private Path workDirectory;

    @Option(names = "--runs", defaultValue = "1",
            description = "Replays of the same range in this JVM (default: ${DEFAULT-VALUE}). Runs after the first"
                    + " find the JIT compiler's work done, as replays on a running session cluster do.")
    private int runs;

    @Option(names = "--reuse-flights",
            description = "Publish the flights already rendered in --work-dir with the same settings instead of rendering.")
    private boolean reuseFlights;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (reuseFlights && workDirectory == null) {
            throw new IllegalArgumentException("--reuse-flights needs --work-dir, the directory of the rendered flights");
        }
        Path flights = workDirectory != null ? workDirectory : Files.createTempDirectory("uavstream-bench-replay");
        SimulationConfig config = SimulationConfig.builder()
                .drones(drones)
                .durationSeconds(durationSeconds)
                .seed(seed)
                .build();
        List<Path> videos = reuseFlights ? renderedVideos(config, flights) : render(config, flights);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
            String topic = "bench.video";
            try (TopicProvisioner topics = new TopicProvisioner(kafka.bootstrapServers())) {
                topics.ensureVideoTopic(topic);
            }
            publishConcurrently(kafka.bootstrapServers(), topic, config, videos);
            long fileBytes = 0;
            for (Path video : videos) {
                fileBytes += Files.size(video);
            }
            TopicSize size = TopicSize.measure(kafka.bootstrapServers(), topic);
            ReplayRange range = ReplayRange.of(size.firstCapture(), size.lastCapture(), Set.of());
            ReplayOptions.Builder options = ReplayOptions.builder()
                    .bootstrapServers(kafka.bootstrapServers())
                    .videoTopic(topic)
                    .range(range)
                    .modelPath(model != null ? model : DefaultModel.extract())
                    .parallelism(parallelism);
            if (intraOpThreads > 0) {
                options.intraOpThreads(intraOpThreads);
            }
            for (int run = 1; run <= runs; run++) {
                long cpuBefore = processCpuNanos();
                ReplayResult result = ReplayRunner.run(options.build());
                long cpuNanos = processCpuNanos() - cpuBefore;
                System.out.printf("Run %d of %d%s%n", run, runs, run == 1 ? " (fresh JVM)" : " (warm JVM)");
                print(config, fileBytes, size, result, cpuNanos);
            }
        }
        return 0;
    }

    private List<Path> render(SimulationConfig config, Path flights) {
        LOG.info("Rendering {} drones of {} s into {}", drones, durationSeconds, flights);
        SimulationSummary summary = new FleetSimulation(config).runToDirectory(flights);
        return summary.drones().stream().map(DroneSummary::video).toList();
    }

    private static List<Path> renderedVideos(SimulationConfig config, Path flights) {
        List<Path> videos = new ArrayList<>();
        for (int i = 0; i < config.drones(); i++) {
            Path video = flights.resolve(config.droneId(i)).resolve(FleetSimulation.VIDEO_FILE);
            if (!Files.isRegularFile(video)) {
                throw new IllegalArgumentException("--reuse-flights: " + video + " not found; render the flights"
                        + " first by running without --reuse-flights");
            }
            videos.add(video);
        }
        return videos;
    }

    /**
     * Publishes every drone's video at the same time, one thread per drone, so that the drones'
     * access units interleave in the topic as a live fleet's do. Published one after another,
     * each drone's packets would form one block, and a replay would keep only one slot busy at a
     * time.
     */
    private static void publishConcurrently(String bootstrapServers, String topic, SimulationConfig config,
            List<Path> videos) throws InterruptedException {
        ExecutorService publishers = Executors.newFixedThreadPool(videos.size());
        try {
            List<Future<?>> published = new ArrayList<>();
            for (int i = 0; i < videos.size(); i++) {
                String droneId = config.droneId(i);
                Path video = videos.get(i);
                published.add(publishers.submit(() -> publish(bootstrapServers, topic, droneId, video)));
            }
            for (int i = 0; i < published.size(); i++) {
                awaitPublication(published.get(i), config.droneId(i));
            }
        } finally {
            publishers.shutdownNow();
        }
    }

    private static void awaitPublication(Future<?> publication, String droneId) throws InterruptedException {
        try {
            publication.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Publishing the flight of " + droneId + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void publish(String bootstrapServers, String topic, String droneId, Path video) {
        new Ingestor(IngestOptions.builder()
                .droneId(droneId)
                .source(video)
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .provisionTopic(false)
                .build()).run();
    }

    /** Returns the CPU time this JVM has used, all threads together, in nanoseconds. */
    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void print(SimulationConfig config, long fileBytes, TopicSize size, ReplayResult result, long cpuNanos) {
        double droneHours = drones * durationSeconds / 3600;
        double seconds = result.elapsed().toNanos() / 1e9;
        long frames = result.counter(AnalysisCounters.FRAMES_ANALYSED);
        System.out.printf("uavstream bench replay: %d drones x %.0f s, %dx%d at %d fps, seed %d, model %s%n", drones,
                durationSeconds, config.width(), config.height(), config.fps(), seed, result.plan().modelId());
        System.out.printf("  video files (MPEG-TS):   %d bytes, %.0f kbit/s per drone%n", fileBytes,
                fileBytes * 8 / 1000.0 / (drones * durationSeconds));
        System.out.printf("  video topic on disk:     %d bytes in %d records, %.1f MB per drone-hour%n",
                size.logBytes(), size.records(), size.logBytes() / droneHours / 1e6);
        System.out.printf("  replay at --speed max:   %.1f s for %d frames, %.1f frames/s, %.1fx real time%n", seconds,
                frames, frames / seconds, durationSeconds / seconds);
        System.out.printf("  replay CPU time:         %.1f s in this JVM (Flink, Kafka broker), %.1f ms per frame;"
                + " parallelism %d, %s intra-op threads%n", cpuNanos / 1e9, cpuNanos / 1e6 / Math.max(1, frames),
                parallelism, intraOpThreads > 0 ? Integer.toString(intraOpThreads) : "default");
    }
}
