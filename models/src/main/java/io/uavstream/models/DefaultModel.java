package io.uavstream.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UavDet, the detector bundled in this library's jar: uavstream's own small anchor-free model for
 * vehicles and persons seen from drones, trained on simulated flights, in the YOLOX output layout
 * with a 416x416 input. Class IDs: 0 person, 1 bicycle, 2 car, 3 van, 4 truck, 5 bus,
 * 6 motorcycle.
 *
 * <p>ONNX Runtime loads models from files, so the model and its descriptor are extracted from the
 * classpath to a cache folder on first use. The folder name contains the first 12 hex digits of
 * the model's SHA-256, so jars with different weights never share files. Files that are already
 * there are reused only when their bytes equal the bundled ones. Others are rewritten through a
 * temporary file and an atomic move, so several processes may extract at the same time.
 */
public final class DefaultModel {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultModel.class);

    /** Model ID of the bundled detector, also the stem of its file names. */
    public static final String ID = "uavdet-416";

    /**
     * System property naming the cache folder. Without it the folder is
     * {@code java.io.tmpdir/uavstream-models}.
     */
    public static final String CACHE_PROPERTY = "uavstream.models.cache";

    static final String RESOURCE_FOLDER = "default/";
    static final String MODEL_FILE = ID + ".onnx";
    static final String DESCRIPTOR_FILE = ID + ".json";

    private DefaultModel() {}

    /**
     * Extracts the bundled model to the default cache folder (see {@link #CACHE_PROPERTY}) and
     * returns the path of its descriptor.
     *
     * @throws UncheckedIOException if the cache folder cannot be written
     */
    public static Path extract() {
        return extractTo(defaultCacheFolder());
    }

    /**
     * Extracts the bundled model and descriptor into {@code <cacheFolder>/uavdet-416-<sha>/},
     * unless identical copies are already there, and returns the path of the descriptor.
     *
     * @throws UncheckedIOException if the folder cannot be created or written
     */
    public static Path extractTo(Path cacheFolder) {
        Objects.requireNonNull(cacheFolder, "cacheFolder");
        byte[] model = readResource(MODEL_FILE);
        byte[] descriptor = readResource(DESCRIPTOR_FILE);
        Path folder = cacheFolder.toAbsolutePath().normalize()
                .resolve(ID + "-" + sha256Prefix(model));
        try {
            Files.createDirectories(folder);
            writeIfDifferent(folder.resolve(MODEL_FILE), model);
            writeIfDifferent(folder.resolve(DESCRIPTOR_FILE), descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the bundled model " + ID + " to "
                    + folder + ": " + e.getMessage() + ". Set -D" + CACHE_PROPERTY
                    + " to a writable folder.", e);
        }
        return folder.resolve(DESCRIPTOR_FILE);
    }

    /** Extracts the bundled model to the default cache folder and reads its descriptor. */
    public static ModelDescriptor descriptor() {
        return ModelDescriptor.read(extract());
    }

    static Path defaultCacheFolder() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "uavstream-models");
    }

    private static byte[] readResource(String name) {
        try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled model resource " + RESOURCE_FOLDER + name
                        + " is missing from the classpath; the uavstream-models jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read bundled model resource "
                    + RESOURCE_FOLDER + name, e);
        }
    }

    private static void writeIfDifferent(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            return;
        }
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, content);
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        LOG.info("Extracted bundled {} ({} bytes) to {}", target.getFileName(), content.length,
                target);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("File system of {} has no atomic move; replacing it in place", target, e);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256Prefix(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
