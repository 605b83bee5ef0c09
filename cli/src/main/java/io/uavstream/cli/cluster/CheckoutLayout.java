package io.uavstream.cli.cluster;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the build outputs of the uavstream checkout that the CLI runs from
 * ({@code cli/target/uavstream-cli.jar} or {@code cli/target/classes}): the thin job jar and the
 * session cluster's flink-home. Used for option defaults only; every path can be given
 * explicitly.
 */
final class CheckoutLayout {

    private static final int MAX_LEVELS = 4;

    private CheckoutLayout() {}

    /** Returns the checkout's root folder: the first ancestor of the CLI's code with job/ and cluster/ folders. */
    static Optional<Path> root() {
        Path location;
        try {
            location = Path.of(CheckoutLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        Path candidate = location.toAbsolutePath();
        for (int level = 0; level < MAX_LEVELS && candidate != null; level++) {
            if (Files.isDirectory(candidate.resolve("job")) && Files.isDirectory(candidate.resolve("cluster"))) {
                return Optional.of(candidate);
            }
            candidate = candidate.getParent();
        }
        return Optional.empty();
    }

    /** Returns the thin job jar, {@code job/target/uavstream-job-VERSION-job-thin.jar}, if it was built. */
    static Optional<Path> thinJobJar() {
        return root().map(root -> root.resolve("job").resolve("target")).flatMap(target -> {
            try (var files = Files.list(target)) {
                return files.filter(file -> file.getFileName().toString().matches("uavstream-job-.*-job-thin\\.jar"))
                        .findFirst();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Returns the thin job jar of this checkout, or throws with the build command and {@code option},
     * the option that names another jar.
     */
    static Path requireThinJobJar(String option) {
        return thinJobJar().orElseThrow(() -> new IllegalArgumentException(
                "No thin job jar found in job/target of this checkout; build it with"
                        + " mvn -B -pl job package -DskipTests, or pass " + option));
    }

    /** Returns the session cluster's installation, {@code cluster/target/flink-home}, if it was built. */
    static Optional<Path> flinkHome() {
        return root().map(root -> root.resolve("cluster").resolve("target").resolve("flink-home")).filter(Files::isDirectory);
    }
}
