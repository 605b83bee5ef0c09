package io.uavstream.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Test settings of a {@link SessionCluster}: the repository's flink-home, the launcher's default
 * bind address (loopback), the RPC and REST addresses on 127.0.0.1 and every port free, small JVMs (JobManager 768 MB, TaskManager 1.5 GB), and the
 * checkpoint, savepoint and temporary folders under one test folder.
 */
final class LoopbackCluster {

    static final String LOOPBACK = "127.0.0.1";

    private LoopbackCluster() {}

    /** Returns the flink-home that the package phase builds, named by system property uavstream.flink.home. */
    static FlinkHome home() {
        return FlinkHome.of(Path.of(requiredProperty("uavstream.flink.home")));
    }

    /** Returns the fat ("job") or thin ("job-thin") job jar, from the folder that system property uavstream.job.jars names. */
    static Path jobJar(boolean thin) {
        return Path.of(requiredProperty("uavstream.job.jars"), thin ? "uavstream-job-thin.jar" : "uavstream-job.jar");
    }

    /** Returns a builder for a cluster of {@code home} with its files under {@code directory}. */
    static SessionCluster.Builder builder(FlinkHome home, Path directory) {
        return SessionCluster.builder(home)
                .logDirectory(directory.resolve("log"))
                .stopOnExit(true)
                .restHost(LOOPBACK)
                .restPort(freePort())
                .property("jobmanager.rpc.address", LOOPBACK)
                .property("jobmanager.rpc.port", Integer.toString(freePort()))
                .property("jobmanager.memory.process.size", "768m")
                .property("taskmanager.memory.process.size", "1536m")
                .property("taskmanager.memory.task.off-heap.size", "256m")
                .property("taskmanager.memory.managed.size", "128m")
                .property("execution.checkpointing.dir", directory.resolve("checkpoints").toUri().toString())
                .property("execution.checkpointing.savepoint-dir", directory.resolve("savepoints").toUri().toString())
                .property("io.tmp.dirs", directory.resolve("tmp").toString())
                .property("web.tmpdir", directory.resolve("web").toString())
                .jobManagerProperty("metrics.reporter.prom.port", Integer.toString(freePort()))
                .taskManagerProperty("metrics.reporter.prom.port", Integer.toString(freePort()))
                .prometheusPorts(Integer.toString(freePort()));
    }

    /** Returns a port that is free on the loopback address now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through Maven"
                    + " (mvn -B -pl cluster verify), which sets it after the package phase");
        }
        return value;
    }
}
