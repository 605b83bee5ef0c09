package io.uavstream.cli;

import io.uavstream.cli.embedded.EmbeddedRun;
import io.uavstream.cli.embedded.RunReport;
import io.uavstream.cli.embedded.RunSettings;
import io.uavstream.ingest.IngestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code uavstream run}: the whole pipeline on one machine. Starts a Kafka broker (unless
 * {@code --bootstrap} names one) and a Flink MiniCluster, ingests the video, runs the job until
 * the video's end-of-stream marker is processed, prints a summary and shuts everything down.
 * Ctrl-C (or SIGTERM) stops the job early with a savepoint, which commits its outputs, and the
 * summary is still printed. A second Ctrl-C aborts without waiting.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the whole pipeline on this machine: an embedded Kafka broker (KRaft, loopback), the"
                    + " uavstream job on a Flink MiniCluster, and ingest of one video.",
            "Prints frames decoded and analysed, detections per class, analytics events, analysed fps and"
                    + " end-to-end latency."
        })
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
    private static final int EXIT_STOPPED = 130;

    @Option(names = "--video", paramLabel = "PATH",
            description = "Video file to analyse. Without it, a simulated fleet is rendered and published live.")
    private Path video;

    @Option(names = "--drone", defaultValue = "drone-1", description = "Drone ID of the video (default: ${DEFAULT-VALUE}).")
    private String droneId;

    @Option(names = "--drones", defaultValue = "" + RunSettings.DEFAULT_FLEET_DRONES,
            description = "Drones of the simulated fleet, without --video (default: ${DEFAULT-VALUE}).")
    private int drones;

    @Option(names = "--duration", defaultValue = "" + (int) RunSettings.DEFAULT_FLEET_SECONDS, paramLabel = "SECONDS",
            description = "Flight duration of the simulated fleet, without --video (default: ${DEFAULT-VALUE}).")
    private double durationSeconds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated fleet, without --video (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--model", paramLabel = "DESCRIPTOR",
            description = "Model descriptor (.json), or an .onnx file with its descriptor beside it or bundled."
                    + " Default: the first bundled model (uavdet-416-pruned in this release).")
    private Path model;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of starting an embedded broker.")
    private String bootstrapServers;

    @Option(names = "--output", defaultValue = "uavstream-output", paramLabel = "DIR",
            description = "Directory for the JSON-lines detections (default: ${DEFAULT-VALUE}).")
    private Path outputDirectory;

    @Option(names = "--zones", paramLabel = "FILE",
            description = "Zones and lines (control JSON or GeoJSON, see docs/analytics.md) published to the analytics"
                    + " control topic before ingest, so that they apply to the whole run. Entries without a drone"
                    + " belong to --drone. Unknown keys are an error; classes the model does not detect and"
                    + " drones outside the run are logged as warnings before ingest.")
    private Path zones;

    @Mixin
    private AnalyticsTimingOptions analyticsTiming;

    @Option(names = "--control-idleness", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time without control records after which the control topic stops holding frames back"
                    + " (default: the job's, 1 s).")
    private Duration controlIdleness;

    @Option(names = "--realtime", description = "Ingest at the video's real frame rate, as a live drone would send it.")
    private boolean realtime;

    @Option(names = "--live",
            description = "Skip frames that are too old to analyse instead of queueing them, as in live monitoring.")
    private boolean live;

    @Option(names = "--max-fps", defaultValue = "0",
            description = "Maximum analysed frames per second per drone; 0 analyses every frame (default: ${DEFAULT-VALUE}).")
    private double maxAnalysedFps;

    @Option(names = "--intra-op-threads", defaultValue = "0",
            description = "ONNX Runtime intra-op threads per slot; 0 divides the cores among the slots (default: ${DEFAULT-VALUE}).")
    private int intraOpThreads;

    @Option(names = "--parallelism", defaultValue = "1", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = RunSettings.builder()
                .video(video)
                .droneId(droneId)
                .fleet(drones, durationSeconds, seed)
                .model(model)
                .bootstrapServers(bootstrapServers)
                .outputDirectory(outputDirectory)
                .zones(zones)
                .countWindow(analyticsTiming.countWindow().orElse(null))
                .zoneExitDelay(analyticsTiming.zoneExitDelay().orElse(null))
                .controlIdleness(controlIdleness)
                .realtime(realtime)
                .live(live)
                .maxAnalysedFps(maxAnalysedFps)
                .intraOpThreads(intraOpThreads)
                .parallelism(parallelism)
                .build();
        CountDownLatch finished = new CountDownLatch(1);
        try (EmbeddedRun run = new EmbeddedRun(settings)) {
            StopSignals.onInterruptOrTerminate(() -> stopAndAwait(run, finished), run::close);
            Thread closeOnInterrupt = new Thread(run::close, "uavstream-run-shutdown");
            Runtime.getRuntime().addShutdownHook(closeOnInterrupt);
            RunReport report = run.execute(ProgressBar.onStandardError());
            report.print(System.out);
            removeShutdownHook(closeOnInterrupt);
            if (!report.succeeded()) {
                return ErrorReporter.EXIT_FAILED;
            }
            // A stopped run exits as shells report an interrupted command, so scripts can tell it apart.
            return report.ingest().ending() == IngestResult.Ending.STOPPED ? EXIT_STOPPED : 0;
        } finally {
            finished.countDown();
        }
    }

    /**
     * Handles the first Ctrl-C: requests a stop that commits the run's outputs, and waits until
     * {@link #call} has printed the summary and closed the run, so that the process does not exit
     * under it. Closes the run itself if that takes longer than {@link #STOP_TIMEOUT}.
     */
    private static void stopAndAwait(EmbeddedRun run, CountDownLatch finished) {
        run.requestStop();
        try {
            if (!finished.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The run did not stop within {} s of the stop request: aborting it", STOP_TIMEOUT.toSeconds());
                run.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.close();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already shutting down and the hook is closing the run.
        }
    }
}
