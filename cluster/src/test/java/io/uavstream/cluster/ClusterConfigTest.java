package io.uavstream.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flink-conf/config.yaml as Flink reads it (through the module's flink-home, which copies it), and
 * the launcher's derivation of memory settings from it.
 */
class ClusterConfigTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path directory;

    private static Configuration config() {
        return GlobalConfiguration.loadConfiguration(LoopbackCluster.home().configDirectory().toString());
    }

    @Test
    void configModuleOptionsMatchLauncher() {
        String options = config().getString("env.java.default-opts.all", "");

        assertThat(Arrays.asList(options.trim().split("\\s+"))).isEqualTo(JavaModuleAccess.jvmOptions());
    }

    @Test
    void configUsesIncrementalRocksDbExactlyOnce() {
        Map<String, String> config = config().toMap();

        assertThat(config).containsEntry("state.backend.type", "rocksdb");
        assertThat(config).containsEntry("execution.checkpointing.incremental", "true");
        assertThat(config).containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE");
        assertThat(config).containsEntry("restart-strategy.type", "exponential-delay");
    }

    @Test
    void configLoadsNativesParentFirst() {
        String patterns = config().toMap().get("classloader.parent-first-patterns.additional");

        assertThat(patterns).contains("org.bytedeco.").contains("ai.onnxruntime.");
    }

    @Test
    void configBindsEveryListenerToLoopback() {
        Map<String, String> config = config().toMap();

        for (String option : SessionCluster.BIND_OPTIONS) {
            assertThat(config).as(option).containsEntry(option, "127.0.0.1");
        }
        assertThat(config).containsEntry("taskmanager.host", "localhost");
    }

    @Test
    void configEnablesNoWildcardReporter() {
        assertThat(config().toMap()).doesNotContainKeys("metrics.reporters", "metrics.reporter.prom.factory.class");
    }

    @Test
    void launcherBindsBothProcessesToLoopback() {
        SessionCluster.Builder builder = SessionCluster.builder(LoopbackCluster.home());

        for (ProcessRole role : ProcessRole.values()) {
            Map<String, String> properties = builder.dynamicProperties(role);
            for (String option : SessionCluster.BIND_OPTIONS) {
                assertThat(properties).as(role + " " + option).containsEntry(option, SessionCluster.LOOPBACK);
            }
            assertThat(properties).as(role + " reporters").doesNotContainKey("metrics.reporters");
        }
    }

    @Test
    void launcherBindHostOverridesLoopback() {
        Map<String, String> properties = SessionCluster.builder(LoopbackCluster.home()).bindHost("0.0.0.0")
                .dynamicProperties(ProcessRole.JOB_MANAGER);

        assertThat(properties).containsEntry("rest.bind-address", "0.0.0.0");
        assertThat(properties).doesNotContainKey("taskmanager.host");
    }

    @Test
    void prometheusReporterIsOnClusterClassPath() {
        Map<String, String> properties = SessionCluster.builder(LoopbackCluster.home()).prometheusPorts("9249-9260")
                .dynamicProperties(ProcessRole.TASK_MANAGER);
        List<String> jars = LoopbackCluster.home().classPath().stream().map(jar -> jar.getFileName().toString()).toList();

        assertThat(properties).containsEntry("metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        assertThat(jars).contains("flink-metrics-prometheus-2.2.1.jar");
    }

    @Test
    void homeHoldsNativesInSubfolder() {
        FlinkHome home = LoopbackCluster.home();

        assertThat(home.classPath()).anySatisfy(jar -> assertThat(home.libDirectory().relativize(jar).toString())
                .startsWith("uavstream/ffmpeg-"));
        assertThat(home.classPath()).anySatisfy(jar -> assertThat(home.libDirectory().relativize(jar).toString())
                .startsWith("uavstream/onnxruntime-"));
    }

    @Test
    void taskManagerMemoryPinsEveryPool() {
        MemoryParameters memory = MemoryParameters.derive(JAVA, LoopbackCluster.home(), ProcessRole.TASK_MANAGER,
                Map.of("taskmanager.memory.process.size", "1536m", "taskmanager.memory.task.off-heap.size", "256m",
                        "taskmanager.memory.managed.size", "128m"));

        assertThat(memory.jvmOptions()).anySatisfy(option -> assertThat(option).startsWith("-Xmx"));
        assertThat(memory.dynamicProperties()).contains("taskmanager.memory.managed.size=134217728b");
        assertThat(memory.dynamicProperties()).anySatisfy(property ->
                assertThat(property).startsWith("taskmanager.memory.task.heap.size="));
    }

    @Test
    void tooSmallTaskManagerFailsWithFlinkReason() {
        assertThatThrownBy(() -> MemoryParameters.derive(JAVA, LoopbackCluster.home(), ProcessRole.TASK_MANAGER,
                Map.of("taskmanager.memory.process.size", "512m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskmanager memory configuration")
                .hasMessageContaining("exceed");
    }

    @Test
    void homeWithoutConfigIsRejected() {
        assertThatThrownBy(() -> FlinkHome.of(directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config.yaml is missing");
    }
}
