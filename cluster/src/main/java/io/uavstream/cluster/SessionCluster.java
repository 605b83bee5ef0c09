package io.uavstream.cluster;

import io.uavstream.cluster.rest.ClusterOverview;
import io.uavstream.cluster.rest.FlinkRestClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink standalone session cluster of one JobManager JVM and one TaskManager JVM, started from
 * a {@link FlinkHome} without a Flink distribution's scripts. Each JVM gets what the scripts
 * would give it: the memory options and dynamic properties that Flink's {@code BashJavaUtils}
 * derives from the configuration ({@link MemoryParameters}), the Java 17 module options
 * ({@link JavaModuleAccess}), a Log4j log in the log folder and {@code --configDir} pointing at
 * the home's {@code conf/}. Properties set on the builder override {@code config.yaml} as dynamic
 * properties ({@code -D key=value}).
 *
 * <p>Every process binds to {@link #LOOPBACK} unless {@link Builder#bindHost(String)} sets
 * otherwise: any host that reaches the REST endpoint can upload and run jars.
 *
 * <pre>{@code
 * try (SessionCluster cluster = SessionCluster.builder(FlinkHome.of(home))
 *         .logDirectory(logs)
 *         .restPort(8081)
 *         .start()) {
 *     new FlinkRestClient(cluster.restAddress()).uploadJar(jobJar);
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops the TaskManager, then the JobManager, each with SIGTERM so that Flink's
 * shutdown hooks run. The processes outlive the JVM that started them until then; their pid
 * files in the log folder let {@link #stop(Path, Duration)} stop them from another process.
 */
public final class SessionCluster implements AutoCloseable {

    /** Default bind address of every process. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Options that {@link Builder#bindHost(String)} sets: the RPC, data and REST listeners. */
    static final List<String> BIND_OPTIONS = List.of("jobmanager.bind-host", "taskmanager.bind-host", "rest.bind-address");

    private static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";
    private static final Logger LOG = LoggerFactory.getLogger(SessionCluster.class);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 30;

    private final FlinkProcess jobManager;
    private final FlinkProcess taskManager;
    private final URI restAddress;
    private final Duration stopGrace;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SessionCluster(FlinkProcess jobManager, FlinkProcess taskManager, URI restAddress, Duration stopGrace) {
        this.jobManager = jobManager;
        this.taskManager = taskManager;
        this.restAddress = restAddress;
        this.stopGrace = stopGrace;
    }

    public static Builder builder(FlinkHome home) {
        return new Builder(home);
    }

    /** Returns the JobManager's REST address, for example {@code http://localhost:8081}. */
    public URI restAddress() {
        return restAddress;
    }

    public FlinkProcess jobManager() {
        return jobManager;
    }

    public FlinkProcess taskManager() {
        return taskManager;
    }

    /** Stops the TaskManager, then the JobManager; does nothing when called again. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        taskManager.stop(stopGrace);
        jobManager.stop(stopGrace);
        LOG.info("Stopped the session cluster at {}", restAddress);
    }

    /**
     * Stops the cluster whose pid files are in {@code logDirectory}, as {@code uavstream cluster
     * stop} does.
     *
     * @return the number of processes stopped, 0 if none was running
     */
    public static int stop(Path logDirectory, Duration grace) {
        int stopped = 0;
        for (ProcessRole role : List.of(ProcessRole.TASK_MANAGER, ProcessRole.JOB_MANAGER)) {
            Optional<FlinkProcess> process = FlinkProcess.find(role, logDirectory);
            if (process.isPresent()) {
                process.get().stop(grace);
                stopped++;
            } else {
                deletePidFile(logDirectory, role);
            }
        }
        return stopped;
    }

    private static void deletePidFile(Path logDirectory, ProcessRole role) {
        try {
            Files.deleteIfExists(FlinkProcess.pidFile(logDirectory, role));
        } catch (IOException e) {
            LOG.warn("Cannot delete the stale pid file of the {}: {}", role.fileName(), e.toString());
        }
    }

    /** Settings of a session cluster; {@link #start()} starts it. */
    public static final class Builder {
        private final FlinkHome home;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> jobManagerProperties = new LinkedHashMap<>();
        private final Map<String, String> taskManagerProperties = new LinkedHashMap<>();
        private final List<String> javaOptions = new ArrayList<>();
        private final List<Path> jobClassPath = new ArrayList<>();
        private Path logDirectory;
        private String restHost = "localhost";
        private String bindHost = LOOPBACK;
        private int restPort = 8081;
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private Duration startupTimeout = Duration.ofMinutes(2);
        private Duration stopGrace = Duration.ofSeconds(30);
        private boolean stopOnExit;

        private Builder(FlinkHome home) {
            this.home = Objects.requireNonNull(home, "home");
        }

        /** Folder for the processes' logs, output and pid files; created if missing. Required. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = Objects.requireNonNull(logDirectory, "logDirectory").toAbsolutePath();
            return this;
        }

        /** Host name or address of the REST endpoint (rest.address). Default: localhost. */
        public Builder restHost(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("restHost must not be blank");
            }
            this.restHost = host;
            return this;
        }

        /**
         * Address that the JobManager's RPC, blob and REST listeners and the TaskManager's RPC and
         * data listeners bind to. Default: {@link #LOOPBACK}. Any other address lets the hosts
         * that reach it upload and run jars, that is run code as this user; {@code 0.0.0.0}
         * means every interface.
         */
        public Builder bindHost(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("bindHost must not be blank");
            }
            this.bindHost = host;
            return this;
        }

        /**
         * Enables Flink's Prometheus reporter on the first free port of {@code portRange} (for
         * example {@code 9249-9260}) in each process. Flink's reporter has no bind option: it
         * listens on every interface, whatever {@link #bindHost(String)} sets.
         */
        public Builder prometheusPorts(String portRange) {
            if (portRange == null || !portRange.matches("\\d{1,5}(-\\d{1,5})?")) {
                throw new IllegalArgumentException("prometheusPorts must be a port or a range like 9249-9260, got '"
                        + portRange + "'");
            }
            properties.put("metrics.reporters", "prom");
            properties.put("metrics.reporter.prom.factory.class", PROMETHEUS_FACTORY);
            properties.put("metrics.reporter.prom.port", portRange);
            return this;
        }

        /** Port of the REST endpoint (rest.port), 1-65535. Default: 8081. */
        public Builder restPort(int port) {
            this.restPort = requirePort(port, "restPort");
            return this;
        }

        /** Sets a configuration option for both processes, over config.yaml. */
        public Builder property(String key, String value) {
            properties.put(requireKey(key), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a configuration option for the JobManager only, over config.yaml. */
        public Builder jobManagerProperty(String key, String value) {
            jobManagerProperties.put(requireKey(key), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets a configuration option for the TaskManager only, over config.yaml. */
        public Builder taskManagerProperty(String key, String value) {
            taskManagerProperties.put(requireKey(key), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds a JVM option for both processes, after the memory and module options, as
         * {@code env.java.opts.all} does for Flink's scripts; for example
         * {@code -Dorg.bytedeco.javacpp.cachedir=/var/cache/javacpp}.
         */
        public Builder javaOption(String option) {
            if (option == null || !option.startsWith("-")) {
                throw new IllegalArgumentException("A JVM option starts with '-': '" + option + "'");
            }
            javaOptions.add(option);
            return this;
        }

        /**
         * Puts a job jar on the class path of both processes and sets {@code
         * classloader.resolve-order: parent-first}. Every job then runs these loaded classes, so the
         * TaskManager keeps their compiled code from one job to the next and repeated replays run
         * faster. Jobs run these classes whatever jar they upload, until the cluster restarts.
         */
        public Builder jobClasses(Path jar) {
            if (jar == null || !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("Job jar not found: " + jar + "; pass the path of a built job jar");
            }
            jobClassPath.add(jar.toAbsolutePath().normalize());
            return property("classloader.resolve-order", "parent-first");
        }

        /** Sets the {@code java} executable of the cluster processes. Default: this JVM's. */
        public Builder javaExecutable(Path java) {
            if (!Files.isExecutable(java)) {
                throw new IllegalArgumentException("Not an executable: " + java);
            }
            this.java = java;
            return this;
        }

        /** Sets how long {@link #start()} waits for the REST endpoint and the TaskManager. Default: 2 min. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = requirePositive(timeout, "startupTimeout");
            return this;
        }

        /** Sets how long {@link SessionCluster#close()} waits after SIGTERM before SIGKILL. Default: 30 s. */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = requirePositive(grace, "stopGrace");
            return this;
        }

        /**
         * Stops the cluster when this JVM exits, for tests and embedded use; without it the
         * processes keep running until {@link SessionCluster#close()} or {@link SessionCluster#stop}.
         */
        public Builder stopOnExit(boolean stopOnExit) {
            this.stopOnExit = stopOnExit;
            return this;
        }

        /**
         * Starts the JobManager, waits for its REST endpoint, starts the TaskManager and waits
         * until it has registered.
         *
         * @throws IllegalStateException if a process exits or is not ready within the startup
         *     timeout; the message carries the end of its log
         */
        public SessionCluster start() {
            if (logDirectory == null) {
                throw new IllegalStateException("logDirectory is required");
            }
            createLogDirectory();
            for (ProcessRole role : ProcessRole.values()) {
                FlinkProcess.find(role, logDirectory).ifPresent(running -> {
                    throw new IllegalStateException("A " + role.fileName() + " of a cluster with log folder "
                            + logDirectory + " is running (pid " + running.pid() + "); stop it first");
                });
            }
            URI restAddress = URI.create("http://" + restHost + ":" + restPort);
            FlinkRestClient rest = new FlinkRestClient(restAddress);
            Instant deadline = Instant.now().plus(startupTimeout);

            FlinkProcess jobManager = launch(ProcessRole.JOB_MANAGER);
            try {
                awaitReady(rest, jobManager, deadline, overview -> true, "its REST endpoint");
                LOG.info("JobManager is up; REST endpoint {}", restAddress);
                FlinkProcess taskManager = launch(ProcessRole.TASK_MANAGER);
                try {
                    awaitReady(rest, taskManager, deadline, overview -> overview.taskManagers() > 0,
                            "the TaskManager's registration");
                } catch (RuntimeException e) {
                    taskManager.stop(stopGrace);
                    throw e;
                }
                LOG.info("Session cluster ready at {}: {}", restAddress, rest.overview());
                SessionCluster cluster = new SessionCluster(jobManager, taskManager, restAddress, stopGrace);
                if (stopOnExit) {
                    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "uavstream-cluster-stop"));
                }
                return cluster;
            } catch (RuntimeException e) {
                jobManager.stop(stopGrace);
                throw e;
            }
        }

        /**
         * Returns the options that the launcher passes to the {@code role}'s JVM over config.yaml:
         * the bind address, the builder's properties, the REST address, then the role's properties.
         */
        Map<String, String> dynamicProperties(ProcessRole role) {
            Map<String, String> effective = new LinkedHashMap<>();
            BIND_OPTIONS.forEach(option -> effective.put(option, bindHost));
            if (isLoopback(bindHost)) {
                // The TaskManager must announce an address that it listens on.
                effective.put("taskmanager.host", bindHost);
            }
            effective.putAll(properties);
            effective.put("rest.address", restHost);
            effective.put("rest.port", Integer.toString(restPort));
            effective.putAll(role == ProcessRole.JOB_MANAGER ? jobManagerProperties : taskManagerProperties);
            return effective;
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        }

        private String classPath() {
            List<String> entries = new ArrayList<>();
            String homeClassPath = home.classPathArgument();
            if (!homeClassPath.isEmpty()) {
                entries.add(homeClassPath);
            }
            jobClassPath.forEach(jar -> entries.add(jar.toString()));
            return String.join(File.pathSeparator, entries);
        }

        private FlinkProcess launch(ProcessRole role) {
            Map<String, String> effective = dynamicProperties(role);
            MemoryParameters memory = MemoryParameters.derive(java, home, role, effective);

            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(memory.jvmOptions());
            command.addAll(JavaModuleAccess.jvmOptions());
            command.addAll(javaOptions);
            command.add("-Dlog.file=" + FlinkProcess.logFile(logDirectory, role));
            Path log4j = home.configDirectory().resolve(FlinkHome.LOG4J_FILE);
            if (Files.isRegularFile(log4j)) {
                command.add("-Dlog4j.configurationFile=" + log4j.toUri());
            }
            command.add("-cp");
            command.add(classPath());
            command.add(role.mainClass());
            command.add("--configDir");
            command.add(home.configDirectory().toString());
            effective.forEach((key, value) -> command.addAll(List.of("-D", key + "=" + value)));
            command.addAll(memory.dynamicProperties());
            LOG.debug("Command of the {}: {}", role.fileName(), command);
            return FlinkProcess.start(role, command, logDirectory);
        }

        private void awaitReady(FlinkRestClient rest, FlinkProcess process, Instant deadline,
                java.util.function.Predicate<ClusterOverview> ready, String what) {
            RuntimeException lastError = null;
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The " + process.role().fileName() + " exited during startup."
                            + " End of its output and log:\n" + process.tail(LOG_TAIL_LINES));
                }
                try {
                    if (ready.test(rest.overview())) {
                        return;
                    }
                } catch (RuntimeException e) {
                    lastError = e;
                }
                sleep();
            }
            throw new IllegalStateException("The " + process.role().fileName() + " did not reach " + what
                    + " within " + startupTimeout + (lastError == null ? "" : " (last error: " + lastError.getMessage() + ")")
                    + ". End of its output and log:\n" + process.tail(LOG_TAIL_LINES));
        }

        private void createLogDirectory() {
            try {
                Files.createDirectories(logDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the log folder " + logDirectory, e);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(READY_POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the cluster", e);
            }
        }

        private static String requireKey(String key) {
            if (key == null || key.isBlank() || key.contains("=")) {
                throw new IllegalArgumentException("Configuration key must be non-blank and without '=': '" + key + "'");
            }
            return key;
        }

        private static int requirePort(int port, String name) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(name + " must be within 1-65535, got " + port);
            }
            return port;
        }

        private static Duration requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
