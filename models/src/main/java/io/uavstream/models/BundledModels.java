package io.uavstream.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detectors bundled in this library's jar, named by model ID. Each one is a pair of classpath
 * resources {@code io/uavstream/models/default/<id>.onnx} and {@code <id>.json}, and the index
 * resource {@code io/uavstream/models/default/bundled.txt} lists the IDs, one per line. The first
 * ID of the index is the default model. Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>ONNX Runtime loads models from files, so {@link #extract(String)} copies a model and its
 * descriptor to {@code <cache>/<id>-<first 12 hex digits of the model's SHA-256>/}. Jars with
 * different weights therefore never share files. Files that are already there are reused only
 * when their bytes equal the bundled ones. Others are rewritten through a temporary file and an
 * atomic move, so several processes may extract at the same time.
 */
public final class BundledModels {

    private static final Logger LOG = LoggerFactory.getLogger(BundledModels.class);

    /** System property naming the cache folder; without it the folder is {@code java.io.tmpdir/uavstream-models}. */
    public static final String CACHE_PROPERTY = "uavstream.models.cache";

    /** Classpath folder of the bundled models, relative to this class's package. */
    static final String RESOURCE_FOLDER = "default/";

    /** Index resource in {@link #RESOURCE_FOLDER} that lists the bundled model IDs. */
    static final String INDEX_FILE = "bundled.txt";

    /** Pattern of the model IDs in the index, which are also file names. */
    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static volatile List<String> ids;

    private BundledModels() {}

    /**
     * Returns the IDs of the bundled models in the order of the index; the first one is
     * {@link #defaultId()}.
     *
     * @throws IllegalStateException if the index is missing, empty or lists an invalid or repeated ID
     */
    public static List<String> ids() {
        List<String> loaded = ids;
        if (loaded == null) {
            loaded = parseIndex(readResource(INDEX_FILE), RESOURCE_FOLDER + INDEX_FILE);
            ids = loaded;
        }
        return loaded;
    }

    /** Returns the ID of the default model, the first line of the index. */
    public static String defaultId() {
        return ids().get(0);
    }

    /** Returns whether {@code id} names a bundled model. */
    public static boolean contains(String id) {
        return ids().contains(id);
    }

    /**
     * Extracts the bundled model {@code id} to the default cache folder (see {@link #CACHE_PROPERTY})
     * and returns the path of its descriptor.
     *
     * @throws InvalidModelException if no bundled model has this ID
     * @throws UncheckedIOException if the cache folder cannot be written
     */
    public static Path extract(String id) {
        return extractTo(id, defaultCacheFolder());
    }

    /**
     * Extracts the bundled model {@code id} and its descriptor into
     * {@code <cacheFolder>/<id>-<sha>/}, unless identical copies are already there, and returns the
     * path of the descriptor.
     *
     * @throws InvalidModelException if no bundled model has this ID, or its descriptor names another model file
     * @throws UncheckedIOException if the folder cannot be created or written
     */
    public static Path extractTo(String id, Path cacheFolder) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cacheFolder, "cacheFolder");
        requireBundled(id);
        String modelFile = id + ".onnx";
        String descriptorFile = id + ".json";
        byte[] model = readResource(modelFile);
        byte[] descriptor = readResource(descriptorFile);
        Path folder = cacheFolder.toAbsolutePath().normalize().resolve(id + "-" + sha256Prefix(model));
        try {
            Files.createDirectories(folder);
            writeIfDifferent(folder.resolve(modelFile), model);
            writeIfDifferent(folder.resolve(descriptorFile), descriptor);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to extract the bundled model " + id + " to " + folder + ": "
                    + e.getMessage() + ". Set -D" + CACHE_PROPERTY + " to a writable folder.", e);
        }
        Path descriptorPath = folder.resolve(descriptorFile);
        requireOwnModelFile(id, descriptorPath, folder.resolve(modelFile));
        return descriptorPath;
    }

    /** Extracts the bundled model {@code id} to the default cache folder and reads its descriptor. */
    public static ModelDescriptor descriptor(String id) {
        return ModelDescriptor.read(extract(id));
    }

    /**
     * Checks that {@code id} names a bundled model.
     *
     * @throws InvalidModelException naming the bundled models when it does not
     */
    static void requireBundled(String id) {
        if (!contains(id)) {
            throw new InvalidModelException("Unknown bundled model '" + id + "'. The bundled models are "
                    + String.join(", ", ids()) + "; to name a model file instead, give its path ending in .json"
                    + " or .onnx.");
        }
    }

    static Path defaultCacheFolder() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "uavstream-models");
    }

    /**
     * Parses the index text into model IDs.
     *
     * @param source the resource name, for error messages
     * @throws IllegalStateException if the index lists no ID, an invalid one or one twice
     */
    static List<String> parseIndex(byte[] index, String source) {
        List<String> parsed = new ArrayList<>();
        String[] lines = new String(index, StandardCharsets.UTF_8).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!ID_PATTERN.matcher(line).matches()) {
                throw new IllegalStateException("Invalid model ID '" + line + "' at line " + (i + 1) + " of " + source
                        + ": an ID is 1 to 128 letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
            if (parsed.contains(line)) {
                throw new IllegalStateException("Model ID '" + line + "' is listed twice in " + source
                        + ", again at line " + (i + 1));
            }
            parsed.add(line);
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException(source + " lists no model ID. Its first line must name the default model");
        }
        return List.copyOf(parsed);
    }

    private static void requireOwnModelFile(String id, Path descriptorPath, Path modelPath) {
        ModelDescriptor descriptor = ModelDescriptor.read(descriptorPath);
        if (!descriptor.modelPath().equals(modelPath)) {
            throw new InvalidModelException("Bundled descriptor " + id + ".json names the model file "
                    + descriptor.modelPath().getFileName() + " in field 'model', but the bundled model file is "
                    + modelPath.getFileName() + "; the uavstream-models jar is inconsistent.");
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = BundledModels.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled model resource " + RESOURCE_FOLDER + name
                        + " is missing from the classpath; the uavstream-models jar is incomplete");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read bundled model resource " + RESOURCE_FOLDER + name, e);
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
        LOG.info("Extracted bundled {} ({} bytes) to {}", target.getFileName(), content.length, target);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
