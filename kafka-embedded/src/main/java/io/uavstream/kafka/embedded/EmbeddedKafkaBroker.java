package io.uavstream.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode, started in this JVM: one process that is
 * both broker and controller, listening on free ports of 127.0.0.1, with its log directory in a
 * temporary folder that {@link #close()} deletes.
 *
 * <p>The node is set up for single-node use: replication factor 1 and min ISR 1 for every topic
 * including consumer offsets and transaction state, so that idempotent and transactional producers
 * and consumer groups work, no initial rebalance delay, and {@code message.max.bytes} large enough
 * for a record of {@link io.uavstream.schemas.Topics#MAX_MESSAGE_BYTES} plus batch overhead.
 *
 * <p>Several brokers may run in one JVM at once; each gets its own node ID, ports and directory.
 *
 * <p>Kafka's server code ends the process ({@link Exit#halt}) on fatal faults, for example when the
 * controller fails to start. The first {@link #start} therefore replaces Kafka's exit and halt
 * procedures, for the whole JVM, with ones that log the request and throw a {@link KafkaException}, so
 * that a failed embedded broker fails its caller instead of ending the host process.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start()) {
 *     kafka.createTopic("uavstream.video", 1, Map.of());
 *     String bootstrap = kafka.bootstrapServers(); // for example 127.0.0.1:40123
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Maximum number of start attempts, each on fresh ports, when another process takes a chosen port. */
    private static final int MAX_START_ATTEMPTS = 3;

    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final long TOPIC_READY_POLL_MILLIS = 20;

    private static final AtomicBoolean EXIT_PROCEDURES_REPLACED = new AtomicBoolean();

    /** Node IDs are unique per JVM so that the JMX names of two brokers do not collide. */
    private static final AtomicInteger NEXT_NODE_ID = new AtomicInteger(1);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private Admin admin;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker with the single-node defaults. */
    public static EmbeddedKafkaBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker whose server properties are the single-node defaults with {@code
     * brokerOverrides} applied on top, for example {@code Map.of("auto.create.topics.enable",
     * "false")}.
     *
     * @throws IllegalArgumentException if an override sets the node ID, a listener or a log
     *     directory, which the embedded broker chooses itself
     * @throws KafkaException if the broker fails to start; everything it had started is shut down
     *     and its log directory is deleted
     */
    public static EmbeddedKafkaBroker start(Map<String, String> brokerOverrides) {
        Objects.requireNonNull(brokerOverrides, "brokerOverrides");
        BrokerSettings.validateOverrides(brokerOverrides);
        Map<String, String> overrides = Map.copyOf(brokerOverrides);
        replaceExitProcedures();
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePorts(NEXT_NODE_ID.getAndIncrement(), overrides);
            } catch (PortTakenException e) {
                if (attempt == MAX_START_ATTEMPTS) {
                    throw new KafkaException("Failed to start an embedded Kafka broker after "
                            + attempt + " attempts: every time another process took a chosen port", e.getCause());
                }
                LOG.warn("Embedded Kafka broker could not bind its ports (attempt {} of {}), retrying on new ports: {}",
                        attempt, MAX_START_ATTEMPTS, e.getCause().toString());
            }
        }
    }

    /** Returns the {@code bootstrap.servers} value of this broker, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Returns the temporary log directory, which {@link #close()} deletes. */
    Path logDirectory() {
        return logDir;
    }

    /**
     * Creates a topic with replication factor 1 and waits until every partition has a leader, so
     * that producers and consumers can use it at once.
     *
     * @param topicConfigs topic-level settings such as {@code max.message.bytes}; may be empty
     * @throws KafkaException if creation fails (for example because the topic exists) or the
     *     partitions get no leader within 30 seconds
     */
    public synchronized void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicConfigs, "topicConfigs");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        ensureOpen();
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.of((short) 1)).configs(topicConfigs);
        try {
            admin().createTopics(List.of(topic)).all().get(TOPIC_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(name, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topic " + name + " on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaException("Failed to create topic " + name + " on " + bootstrapServers + ": " + cause, cause);
        }
        LOG.info("Created topic {} with {} partition(s) and configs {} on {}", name, partitions, topicConfigs, bootstrapServers);
    }

    /** Shuts the broker down, waits for it to stop and deletes its log directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        }
        shutDown(server);
        deleteRecursively(logDir);
        LOG.info("Stopped embedded Kafka broker at {}", bootstrapServers);
    }

    private static EmbeddedKafkaBroker startOnFreePorts(int nodeId, Map<String, String> overrides) throws PortTakenException {
        long startNanos = System.nanoTime();
        Path logDir = createTempDirectory();
        KafkaRaftServer server = null;
        try {
            int[] ports = freeLoopbackPorts(2);
            KafkaConfig config = new KafkaConfig(BrokerSettings.singleNode(nodeId, logDir, ports[0], ports[1], overrides), false);
            formatStorage(config, logDir);

            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();

            String bootstrapServers = BrokerSettings.LOOPBACK + ":" + ports[0];
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, logDir, bootstrapServers);
            try {
                broker.awaitGroupCoordinator();
            } catch (RuntimeException e) {
                broker.admin().close(ADMIN_CLOSE_TIMEOUT);
                throw e;
            }
            LOG.info("Started embedded Kafka broker (node {}) at {} in {} ms, log directory {}",
                    nodeId, bootstrapServers, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), logDir);
            return broker;
        } catch (RuntimeException | Error e) {
            shutDown(server);
            deleteRecursively(logDir);
            if (hasCause(e, BindException.class)) {
                throw new PortTakenException(e);
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw e instanceof KafkaException kafka ? kafka : new KafkaException("Failed to start an embedded Kafka broker: " + e, e);
        }
    }

    private static void replaceExitProcedures() {
        if (!EXIT_PROCEDURES_REPLACED.compareAndSet(false, true)) {
            return;
        }
        Exit.setExitProcedure((statusCode, message) -> {
            throw processEndRequested("exit", statusCode, message);
        });
        Exit.setHaltProcedure((statusCode, message) -> {
            throw processEndRequested("halt", statusCode, message);
        });
    }

    private static KafkaException processEndRequested(String action, int statusCode, String message) {
        String text = "Embedded Kafka hit a fatal fault and requested a JVM " + action + " with status " + statusCode
                + (message == null ? "" : " (" + message + ")") + "; Kafka logged the fault before this";
        LOG.error("{}. Failing the Kafka operation instead of ending the JVM.", text);
        return new KafkaException(text);
    }

    /** Writes meta.properties and the bootstrap metadata, as {@code kafka-storage.sh format} does. */
    private static void formatStorage(KafkaConfig config, Path logDir) {
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new KafkaException("Failed to format Kafka storage in " + logDir + ": " + e, e);
        }
        LOG.debug("Formatted Kafka storage: {}", formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    /**
     * Waits until the group coordinator serves requests. The broker creates its offsets topic on
     * the first coordinator lookup, and until that is done every consumer's offset commit fails
     * with a retriable error, which Flink's Kafka source logs as a warning on each checkpoint.
     */
    private void awaitGroupCoordinator() {
        try {
            admin().listConsumerGroupOffsets("uavstream-embedded-warm-up")
                    .partitionsToOffsetAndMetadata()
                    .get(TOPIC_READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting for the group coordinator", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Group coordinator of the embedded broker at " + bootstrapServers
                    + " not ready within " + TOPIC_READY_TIMEOUT.toSeconds() + " s: " + e, e);
        }
    }

    private void awaitLeaders(String name, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (hasLeaders(name, partitions)) {
                return;
            }
            Thread.sleep(TOPIC_READY_POLL_MILLIS);
        }
        throw new TimeoutException("partitions of " + name + " got no leader within " + TOPIC_READY_TIMEOUT.toSeconds() + " s");
    }

    private boolean hasLeaders(String name, int partitions) throws InterruptedException, ExecutionException {
        TopicDescription description;
        try {
            description = admin().describeTopics(List.of(name)).allTopicNames().get().get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false; // the broker has not applied the new metadata yet
            }
            throw e;
        }
        List<TopicPartitionInfo> infos = description.partitions();
        return infos.size() == partitions && infos.stream().allMatch(info -> info.leader() != null);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }
        return admin;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers + " is closed");
        }
    }

    /** Shuts down whatever part of the server started, so it is safe on a server whose startup failed. */
    private static void shutDown(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka broker failed to shut down cleanly", e);
        }
    }

    private static int[] freeLoopbackPorts(int count) {
        // Holding all sockets open until every port is chosen makes the ports distinct. Another
        // process may still take one before the broker binds it, which start() retries.
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getByName(BrokerSettings.LOOPBACK));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port on " + BrokerSettings.LOOPBACK, e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.warn("Failed to close probe socket on port {}", socket.getLocalPort(), e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("uavstream-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary Kafka log directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            TempDirectories.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("Failed to delete Kafka log directory {}", dir, e);
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Raised internally when a chosen port was taken before the broker could bind it. */
    private static final class PortTakenException extends Exception {
        private static final long serialVersionUID = 1L;

        PortTakenException(Throwable cause) {
            super(cause);
        }
    }
}
