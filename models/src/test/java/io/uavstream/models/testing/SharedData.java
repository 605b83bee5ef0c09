package io.uavstream.models.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the workplace's shared test data (real models, video and images). It lives outside the
 * repository, so tests that need it call {@link #require} and are skipped where it is absent.
 */
public final class SharedData {

    /** System property with the data folder; the parent POM sets it to {@code ../shared/data}. */
    public static final String PROPERTY = "uavstream.shared.data";

    private SharedData() {}

    /** Returns the data folder, which may not exist. */
    public static Path root() {
        return Path.of(System.getProperty(PROPERTY, "../shared/data")).toAbsolutePath().normalize();
    }

    /**
     * Returns the file at {@code relativePath} under the data folder, or skips the calling test
     * with a message naming the missing file.
     */
    public static Path require(String relativePath) {
        Path file = root().resolve(relativePath);
        assumeTrue(Files.isRegularFile(file),
                () -> "Skipped: shared test file " + file + " not found (set -D" + PROPERTY + ")");
        return file;
    }
}
