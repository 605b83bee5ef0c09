package io.uavstream.kafka.embedded;

import io.uavstream.schemas.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Server properties of a single-node KRaft cluster whose one process is both broker and
 * controller, listening on loopback only.
 */
final class BrokerSettings {

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Room, in bytes, for the record batch header and record framing around a value of
     * {@link Topics#MAX_MESSAGE_BYTES}. A batch header is 61 bytes and the framing of one record
     * with a drone-ID key of up to 64 ASCII characters is under 100, so 64 KiB leaves a wide margin.
     */
    static final int BATCH_OVERHEAD_BYTES = 64 * 1024;

    /**
     * Memory, in bytes, of the log cleaner's offset map. Kafka allocates its default of 128 MiB on
     * the heap at start, so two brokers in one test JVM would take 256 MiB. The compacted topics of
     * an embedded broker (consumer offsets, transaction state) are small.
     */
    static final int LOG_CLEANER_DEDUPE_BUFFER_BYTES = 16 * 1024 * 1024;

    /** Keys that define the node's identity, listeners and storage, which overrides must not change. */
    static final Set<String> RESERVED_KEYS = Set.of(
            "process.roles",
            "node.id",
            "listeners",
            "advertised.listeners",
            "listener.security.protocol.map",
            "controller.listener.names",
            "inter.broker.listener.name",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "log.dirs",
            "log.dir",
            "metadata.log.dir");

    private BrokerSettings() {}

    /**
     * Builds the server properties, then applies {@code overrides} on top.
     *
     * @throws IllegalArgumentException if {@link #validateOverrides} rejects {@code overrides}
     */
    static Map<String, String> singleNode(
            int nodeId, Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        validateOverrides(overrides);
        Map<String, String> settings = new LinkedHashMap<>();

        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(nodeId));
        settings.put("listeners", listener(BROKER_LISTENER, brokerPort) + "," + listener(CONTROLLER_LISTENER, controllerPort));
        settings.put("advertised.listeners", listener(BROKER_LISTENER, brokerPort));
        settings.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", BROKER_LISTENER);
        settings.put("controller.quorum.voters", nodeId + "@" + LOOPBACK + ":" + controllerPort);
        settings.put("log.dirs", logDir.toString());

        // One replica of everything, so that idempotent and transactional producers and consumer
        // groups work on a single node.
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");

        // The controller unfences the broker on a heartbeat once the broker has caught up with the
        // metadata log, so a shorter heartbeat interval shortens start-up.
        settings.put("broker.heartbeat.interval.ms", "500");

        settings.put("message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES + BATCH_OVERHEAD_BYTES));
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(LOG_CLEANER_DEDUPE_BUFFER_BYTES));

        settings.putAll(overrides);
        return settings;
    }

    /**
     * Checks that {@code overrides} leaves {@link #RESERVED_KEYS} alone and has no null value.
     *
     * @throws IllegalArgumentException naming the offending keys
     */
    static void validateOverrides(Map<String, String> overrides) {
        Set<String> reserved = new TreeSet<>();
        overrides.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("Broker override '" + key + "' has a null value");
            }
            if (RESERVED_KEYS.contains(key)) {
                reserved.add(key);
            }
        });
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("Broker overrides must not set " + reserved
                    + ": the embedded broker chooses its node ID, listeners and log directory itself");
        }
    }

    private static String listener(String name, int port) {
        return name + "://" + LOOPBACK + ":" + port;
    }
}
