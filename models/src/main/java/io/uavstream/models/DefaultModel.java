package io.uavstream.models;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The default detector bundled in this library's jar: the first model that
 * {@link BundledModels#ids()} lists. At the time of writing that is UavDet ({@code uavdet-416}),
 * uavstream's own small anchor-free model for vehicles and persons seen from drones, in the YOLOX
 * output layout with a 416x416 input. Class IDs: 0 person, 1 bicycle, 2 car, 3 van, 4 truck,
 * 5 bus, 6 motorcycle.
 *
 * <p>ONNX Runtime loads models from files, so the model and its descriptor are extracted from the
 * classpath to a cache folder on first use, as {@link BundledModels#extract(String)} describes.
 */
public final class DefaultModel {

    /** Model ID of the default detector, also the stem of its file names: the first line of the bundled index. */
    public static final String ID = BundledModels.defaultId();

    /**
     * System property naming the cache folder. Without it the folder is
     * {@code java.io.tmpdir/uavstream-models}.
     */
    public static final String CACHE_PROPERTY = BundledModels.CACHE_PROPERTY;

    static final String RESOURCE_FOLDER = BundledModels.RESOURCE_FOLDER;
    static final String MODEL_FILE = ID + ".onnx";
    static final String DESCRIPTOR_FILE = ID + ".json";

    private DefaultModel() {}

    /**
     * Extracts the default model to the default cache folder (see {@link #CACHE_PROPERTY}) and
     * returns the path of its descriptor.
     *
     * @throws UncheckedIOException if the cache folder cannot be written
     */
    public static Path extract() {
        return BundledModels.extract(ID);
    }

    /**
     * Extracts the default model and descriptor into {@code <cacheFolder>/<id>-<sha>/}, unless
     * identical copies are already there, and returns the path of the descriptor.
     *
     * @throws UncheckedIOException if the folder cannot be created or written
     */
    public static Path extractTo(Path cacheFolder) {
        return BundledModels.extractTo(ID, cacheFolder);
    }

    /** Extracts the default model to the default cache folder and reads its descriptor. */
    public static ModelDescriptor descriptor() {
        return ModelDescriptor.read(extract());
    }
}
