package io.uavstream.cluster;

import java.util.List;

/**
 * The {@code --add-opens} and {@code --add-exports} options a Flink JVM needs on Java 17. Flink
 * and Kryo reflect into JDK collections, NIO buffers and time classes when they serialize
 * records and state, Netty reaches into {@code sun.nio.ch}, and Flink's network utilities use
 * {@code sun.net.util}. Without these, job runs fail with {@code InaccessibleObjectException}.
 *
 * <p>flink-conf/config.yaml sets the same list as {@code env.java.default-opts.all} for Flink's
 * own start scripts (the Docker image); a test checks that both agree.
 */
public final class JavaModuleAccess {

    private static final List<String> OPENED_PACKAGES = List.of(
            "java.base/java.io",
            "java.base/java.lang",
            "java.base/java.lang.reflect",
            "java.base/java.net",
            "java.base/java.nio",
            "java.base/java.text",
            "java.base/java.time",
            "java.base/java.util",
            "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic",
            "java.base/java.util.concurrent.locks",
            "java.base/sun.nio.ch",
            "java.sql/java.sql");

    private static final List<String> EXPORTED_PACKAGES = List.of(
            "java.base/sun.net.util",
            "java.rmi/sun.rmi.registry",
            "java.security.jgss/sun.security.krb5");

    private JavaModuleAccess() {}

    /** Returns the JVM options, one {@code --add-exports=...} or {@code --add-opens=...} per package. */
    public static List<String> jvmOptions() {
        return java.util.stream.Stream.concat(
                        EXPORTED_PACKAGES.stream().map(module -> "--add-exports=" + module + "=ALL-UNNAMED"),
                        OPENED_PACKAGES.stream().map(module -> "--add-opens=" + module + "=ALL-UNNAMED"))
                .toList();
    }
}
