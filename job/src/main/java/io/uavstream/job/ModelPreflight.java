package io.uavstream.job;

import io.uavstream.models.BundledModels;
import io.uavstream.models.InvalidModelException;
import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelReference;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the job's model once on the client before the job is built, so that a missing or
 * malformed model or descriptor fails the submission with a message naming the file, instead of
 * failing every subtask on the cluster.
 */
public final class ModelPreflight {
    private static final Logger LOG = LoggerFactory.getLogger(ModelPreflight.class);

    private ModelPreflight() {}

    /**
     * Opens and closes the detector of {@code model} with one intra-op thread: a bundled model from
     * this process's class path, or a model file as {@link #check(Path)} does.
     *
     * @return the model's descriptor
     * @throws InvalidModelException if the model file or its descriptor is missing, malformed or
     *     inconsistent. The message names {@code --model} and the file.
     */
    public static ModelDescriptor check(ModelReference model) {
        if (!model.isBundled()) {
            return check(Path.of(model.toString()));
        }
        // A bundled model comes from this jar, the same jar that the TaskManagers load.
        try (ObjectDetector detector = model.open(1)) {
            ModelDescriptor descriptor = detector.descriptor();
            LOG.info("Bundled model {} opened on the client: {}", model, descriptor.id());
            return descriptor;
        } catch (InvalidModelException e) {
            throw new InvalidModelException("--model " + model + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Opens and closes the detector of the model file {@code modelPath} with one intra-op thread.
     *
     * @return the model's descriptor
     * @throws InvalidModelException if the model file or its descriptor is missing, malformed or
     *     inconsistent. The message names {@code --model} and the file.
     */
    public static ModelDescriptor check(Path modelPath) {
        // NOTE: this checks the client's file system. TaskManagers open the same path and fail the
        // same way if their copy is missing.
        if (!Files.exists(modelPath)) {
            throw new InvalidModelException("--model " + modelPath + " not found: it is neither a file nor a bundled"
                    + " model ID (bundled: " + String.join(", ", BundledModels.ids()) + "). Pass a bundled ID, or the"
                    + " path of a model descriptor (.json) or ONNX file; a Flink cluster needs the file on every"
                    + " TaskManager.");
        }
        try (ObjectDetector detector = ObjectDetectors.open(modelPath, 1)) {
            ModelDescriptor descriptor = detector.descriptor();
            LOG.info("Model {} opened on the client: {}", modelPath, descriptor.id());
            return descriptor;
        } catch (InvalidModelException e) {
            throw new InvalidModelException("--model " + modelPath + " is invalid: " + e.getMessage(), e);
        }
    }
}
