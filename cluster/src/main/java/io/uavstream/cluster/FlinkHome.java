package io.uavstream.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Flink installation laid out like a distribution, without its scripts: {@code lib/} with the
 * jars of the cluster's class path (subfolders included, as Flink's own scripts include them) and
 * {@code conf/} with {@code config.yaml} and {@code log4j.properties}. The uavstream-cluster
 * module builds one at {@code cluster/target/flink-home}.
 */
public final class FlinkHome {

    /** Name of the Flink configuration file in {@code conf/}. */
    public static final String CONFIG_FILE = "config.yaml";

    /** Name of the Log4j 2 configuration in {@code conf/} that the cluster processes use. */
    public static final String LOG4J_FILE = "log4j.properties";

    private final Path root;

    private FlinkHome(Path root) {
        this.root = root;
    }

    /**
     * Opens the installation at {@code root}.
     *
     * @throws IllegalArgumentException if {@code lib/} contains no flink-runtime jar or
     *     {@code conf/config.yaml} is missing
     */
    public static FlinkHome of(Path root) {
        Objects.requireNonNull(root, "root");
        Path absolute = root.toAbsolutePath().normalize();
        FlinkHome home = new FlinkHome(absolute);
        if (!Files.isRegularFile(home.configDirectory().resolve(CONFIG_FILE))) {
            throw new IllegalArgumentException("Not a Flink home: " + home.configDirectory().resolve(CONFIG_FILE)
                    + " is missing. Build one with: mvn -B -pl cluster package -DskipTests");
        }
        if (home.classPath().stream().noneMatch(jar -> jar.getFileName().toString().startsWith("flink-runtime-"))) {
            throw new IllegalArgumentException("Not a Flink home: " + home.libDirectory()
                    + " contains no flink-runtime jar. Build one with: mvn -B -pl cluster package -DskipTests");
        }
        return home;
    }

    public Path root() {
        return root;
    }

    public Path libDirectory() {
        return root.resolve("lib");
    }

    public Path configDirectory() {
        return root.resolve("conf");
    }

    /** Returns every jar under {@code lib/}, subfolders included, sorted by path. */
    public List<Path> classPath() {
        if (!Files.isDirectory(libDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(libDirectory())) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + libDirectory(), e);
        }
    }

    /** Returns {@link #classPath()} joined with the platform's path separator, for {@code java -cp}. */
    String classPathArgument() {
        return String.join(java.io.File.pathSeparator, classPath().stream().map(Path::toString).toList());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
