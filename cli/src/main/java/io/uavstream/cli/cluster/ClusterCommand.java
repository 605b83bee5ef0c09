package io.uavstream.cli.cluster;

import io.uavstream.cluster.FlinkHome;
import io.uavstream.cluster.SessionCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code uavstream cluster start|stop}: a Flink session cluster of one JobManager and one
 * TaskManager on this machine, from the flink-home that the uavstream-cluster module builds.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {"Starts or stops a Flink session cluster (one JobManager, one TaskManager) on this machine.",
            "It uses flink-conf/config.yaml and the jars of cluster/target/flink-home; build them with"
                    + " mvn -B -DskipTests install."},
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class})
public final class ClusterCommand implements Runnable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static FlinkHome home(Path home) {
        if (home != null) {
            return FlinkHome.of(home);
        }
        return FlinkHome.of(CheckoutLayout.flinkHome().orElseThrow(() -> new IllegalArgumentException(
                "No cluster/target/flink-home in this checkout; build it with mvn -B -DskipTests install,"
                        + " or pass --home DIR")));
    }

    private static Path logDirectory(Path logDirectory, Path home) {
        if (logDirectory != null) {
            return logDirectory;
        }
        return home(home).root().resolve("log");
    }

    /** {@code uavstream cluster start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Starts the JobManager and the TaskManager as background processes, waits until the"
                    + " TaskManager has registered, and prints the REST address.",
                "Logs and pid files go to the log folder; stop the cluster with uavstream cluster stop."})
    static final class Start implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Start.class);

        @Option(names = "--home", paramLabel = "DIR", description = "Flink home with lib/ and conf/."
                + " Default: cluster/target/flink-home of this checkout.")
        private Path home;

        @Option(names = "--log-dir", paramLabel = "DIR", description = "Folder for logs and pid files. Default: HOME/log.")
        private Path logDirectory;

        @Option(names = "--rest-port", defaultValue = "8081", description = "REST port (default: ${DEFAULT-VALUE}).")
        private int restPort;

        @Option(names = "--rest-host", defaultValue = "localhost",
                description = "REST host name or address (default: ${DEFAULT-VALUE}).")
        private String restHost;

        @Option(names = "--bind-host", paramLabel = "ADDRESS", defaultValue = SessionCluster.LOOPBACK,
                description = {"Address that the JobManager and TaskManager listen on (default: ${DEFAULT-VALUE},"
                        + " this machine only); 0.0.0.0 means every interface.",
                    "WARNING: every host that reaches the REST port can then upload and run jars, that is run code"
                            + " as your user. Use it only on a trusted or firewalled network."})
        private String bindHost;

        @Option(names = "--prometheus-port", paramLabel = "PORT[-PORT]",
                description = {"Enables Flink's Prometheus reporter on the first free port of this range in each"
                        + " process, for example 9249-9260. Default: no reporter.",
                    "WARNING: Flink's reporter listens on every interface, whatever --bind-host sets."})
        private String prometheusPorts;

        @Option(names = "--job-classes", paramLabel = "JAR", arity = "0..1", fallbackValue = "",
                description = {"Put a job jar on the cluster's class path and load classes parent-first, so that"
                        + " repeated replays reuse the TaskManager's compiled code. Without JAR: the thin job jar"
                        + " of this checkout.",
                    "Jobs then run these classes whatever jar they upload; restart the cluster after an upgrade."})
        private String jobClasses;

        @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
                description = "Flink configuration option over config.yaml, for both processes; repeatable.")
        private Map<String, String> properties = new LinkedHashMap<>();

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            SessionCluster.Builder builder = SessionCluster.builder(home(home))
                    .logDirectory(logDirectory(logDirectory, home))
                    .restHost(restHost)
                    .restPort(restPort)
                    .bindHost(bindHost);
            if (prometheusPorts != null) {
                builder.prometheusPorts(prometheusPorts);
            }
            properties.forEach(builder::property);
            if (jobClasses != null) {
                Path jar = jobClasses.isEmpty() ? CheckoutLayout.requireThinJobJar("--job-classes JAR")
                        : Path.of(jobClasses);
                builder.jobClasses(jar);
                LOG.warn("Every job on this cluster runs the classes of {}, whatever jar it uploads", jar);
            }
            if (!bindHost.equals(SessionCluster.LOOPBACK)) {
                LOG.warn("The cluster listens on {}: every host that reaches port {} can upload and run jars", bindHost,
                        restPort);
            }
            SessionCluster cluster = builder.start();
            LOG.info("Session cluster running; stop it with: uavstream cluster stop{}",
                    logDirectory == null ? "" : " --log-dir " + logDirectory);
            spec.commandLine().getOut().println(cluster.restAddress());
            return 0;
        }
    }

    /** {@code uavstream cluster stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the TaskManager and then the JobManager that uavstream cluster start started.")
    static final class Stop implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger(Stop.class);

        @Option(names = "--home", paramLabel = "DIR", description = "Flink home the cluster was started from."
                + " Default: cluster/target/flink-home of this checkout.")
        private Path home;

        @Option(names = "--log-dir", paramLabel = "DIR", description = "Log folder given to uavstream cluster start."
                + " Default: HOME/log.")
        private Path logDirectory;

        @Override
        public Integer call() {
            Path folder = logDirectory(logDirectory, home);
            int stopped = SessionCluster.stop(folder, STOP_GRACE);
            if (stopped == 0) {
                LOG.warn("No running cluster process has a pid file in {}", folder);
            } else {
                LOG.info("Stopped {} cluster process(es) of {}", stopped, folder);
            }
            return 0;
        }
    }
}
