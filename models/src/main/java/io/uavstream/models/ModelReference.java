package io.uavstream.models;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The name of a detector: either the ID of a model bundled in this jar ({@link BundledModels}) or
 * the path of a model descriptor ({@code .json}) or ONNX file ({@code .onnx}). The reference is
 * resolved where the detector opens, so a path names a file on that machine, for example on
 * every Flink TaskManager, and a bundled model comes from that machine's classpath.
 *
 * <p>{@link #parse(String)} reads the text form: text that ends in {@code .json} or {@code .onnx},
 * or contains a {@code /}, is a path; any other text is a bundled model ID. Instances are
 * immutable and serializable, so that Flink functions can carry them.
 */
public final class ModelReference implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String bundledId;
    private final String path;

    private ModelReference(String bundledId, String path) {
        this.bundledId = bundledId;
        this.path = path;
    }

    /**
     * Parses a bundled model ID or a model path.
     *
     * @throws InvalidModelException if {@code text} is blank, is not a valid path, or looks like a
     *     model ID that is not bundled. The message lists the bundled IDs.
     */
    public static ModelReference parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidModelException("Model reference is blank: give a bundled model ID ("
                    + String.join(", ", BundledModels.ids()) + ") or the path of a .json or .onnx file.");
        }
        if (!looksLikePath(trimmed)) {
            return bundled(trimmed);
        }
        try {
            return file(Path.of(trimmed));
        } catch (InvalidPathException e) {
            throw new InvalidModelException("Model path '" + trimmed + "' is not a valid path: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a reference to the bundled model {@code id}.
     *
     * @throws InvalidModelException if no bundled model has this ID, listing the bundled ones
     */
    public static ModelReference bundled(String id) {
        Objects.requireNonNull(id, "id");
        BundledModels.requireBundled(id);
        return new ModelReference(id, null);
    }

    /** Returns a reference to the default bundled model, {@link BundledModels#defaultId()}. */
    public static ModelReference defaultModel() {
        return bundled(BundledModels.defaultId());
    }

    /**
     * Returns a reference to a model descriptor or ONNX file. The file need not exist here, since
     * it is resolved where the detector opens. A relative path resolves against that process's
     * working directory.
     *
     * @throws InvalidModelException if the file name does not end in {@code .json} or {@code .onnx}
     */
    public static ModelReference file(Path path) {
        Objects.requireNonNull(path, "path");
        String text = path.toString();
        if (!text.endsWith(".json") && !text.endsWith(".onnx")) {
            throw new InvalidModelException("Model path " + text + " must name a model descriptor (.json) or an"
                    + " ONNX file (.onnx).");
        }
        return new ModelReference(null, text);
    }

    /** Returns whether this names a model bundled in the jar rather than a file. */
    public boolean isBundled() {
        return bundledId != null;
    }

    /** Returns whether this is a file path that is absolute, and so names the same file on every machine. */
    public boolean isAbsolutePath() {
        return path != null && Path.of(path).isAbsolute();
    }

    /**
     * Returns the path of the model descriptor or ONNX file on this machine: for a bundled model,
     * the descriptor extracted to the cache folder; for a file, the file after checking that it
     * exists.
     *
     * @throws InvalidModelException if the file does not exist or is not a regular file
     * @throws java.io.UncheckedIOException if a bundled model cannot be extracted
     */
    public Path resolve() {
        if (bundledId != null) {
            return BundledModels.extract(bundledId);
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelException("Model file " + file + " not found or not a regular file. A model path"
                    + " must exist where the detector opens (on every TaskManager for a Flink job); the bundled"
                    + " models " + String.join(", ", BundledModels.ids()) + " need no file.");
        }
        return file;
    }

    /**
     * Resolves this reference and opens its detector.
     *
     * @param intraOpThreads ONNX Runtime intra-op threads for the session, at least 1
     * @throws InvalidModelException if the model or its descriptor is missing, malformed or inconsistent
     */
    public ObjectDetector open(int intraOpThreads) {
        return ObjectDetectors.open(resolve(), intraOpThreads);
    }

    /** Returns the text form that {@link #parse(String)} reads back: the bundled ID or the path. */
    @Override
    public String toString() {
        return bundledId != null ? bundledId : path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelReference reference && Objects.equals(bundledId, reference.bundledId)
                && Objects.equals(path, reference.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundledId, path);
    }

    private static boolean looksLikePath(String text) {
        return text.endsWith(".json") || text.endsWith(".onnx") || text.contains("/")
                || text.contains(java.io.File.separator);
    }
}
