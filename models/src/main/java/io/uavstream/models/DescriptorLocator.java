package io.uavstream.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the descriptor for a path given to {@link ObjectDetectors#open(Path, int)}. */
final class DescriptorLocator {

    private static final Logger LOG = LoggerFactory.getLogger(DescriptorLocator.class);

    /** Model file names that have a descriptor bundled as a classpath resource. */
    static final List<String> BUNDLED_MODELS = List.of(
            "nanodet-plus-m-416.onnx", "nanodet-plus-m-416-int8.onnx", "yolox-nano-416.onnx");

    private static final String BUNDLED_FOLDER = "bundled/";

    private DescriptorLocator() {}

    static ModelDescriptor locate(Path path) {
        Path file = path.toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.endsWith(".json")) {
            return ModelDescriptorReader.read(file);
        }
        if (!name.endsWith(".onnx")) {
            throw new InvalidModelException("Expected a model descriptor (.json) or an ONNX model"
                    + " (.onnx), got " + file + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelException("Model file " + file + " does not exist or is not a"
                    + " regular file. Check the path.");
        }
        String stem = name.substring(0, name.length() - ".onnx".length());
        Path sibling = file.resolveSibling(stem + ".json");
        if (Files.isRegularFile(sibling)) {
            ModelDescriptor descriptor = ModelDescriptorReader.read(sibling);
            requireSameModel(descriptor, file);
            return descriptor;
        }
        if (BUNDLED_MODELS.contains(name)) {
            ModelDescriptor descriptor = readBundled(stem + ".json", file.getParent());
            LOG.info("No descriptor {} next to the model; using the {}",
                    sibling, descriptor.source());
            return descriptor;
        }
        throw new InvalidModelException("No model descriptor for " + file + ": expected "
                + sibling + " next to it, and no descriptor is bundled for that file name"
                + " (bundled: " + BUNDLED_MODELS + "). Write a descriptor with the model's"
                + " format, input size, normalisation and class names and put it there.");
    }

    private static void requireSameModel(ModelDescriptor descriptor, Path model) {
        if (!descriptor.modelPath().equals(model)) {
            throw new InvalidModelException("Model descriptor " + descriptor.source()
                    + " names the model " + descriptor.modelPath() + " in field 'model', not "
                    + model + " next to which it lies. Correct 'model' or open the descriptor"
                    + " itself.");
        }
    }

    private static ModelDescriptor readBundled(String resource, Path modelFolder) {
        try (InputStream in = DescriptorLocator.class.getResourceAsStream(
                BUNDLED_FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled descriptor resource " + BUNDLED_FOLDER
                        + resource + " is missing from the classpath");
            }
            return ModelDescriptorReader.parse(in.readAllBytes(),
                    "bundled descriptor " + resource, modelFolder);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read bundled descriptor " + resource, e);
        }
    }
}
