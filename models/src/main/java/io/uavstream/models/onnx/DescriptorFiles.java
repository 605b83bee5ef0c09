package io.uavstream.models.onnx;

import io.uavstream.models.ModelDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the descriptor of a model derived from another one (quantized, converted). */
public final class DescriptorFiles {

    private DescriptorFiles() {}

    /**
     * Writes {@code <model stem>.json} beside {@code derivedModel}: a copy of {@code source}
     * whose id is the model file's stem, whose model path is the file name, and whose
     * description is {@code description}.
     *
     * @return the descriptor file
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path writeDerived(ModelDescriptor source, Path derivedModel,
            String description) {
        String fileName = derivedModel.getFileName().toString();
        String stem = fileName.endsWith(".onnx")
                ? fileName.substring(0, fileName.length() - ".onnx".length()) : fileName;
        ModelDescriptor.Builder builder = source.toBuilder().id(stem).description(description)
                .model(Path.of(fileName));
        Path descriptorFile = derivedModel.resolveSibling(stem + ".json");
        try {
            Files.writeString(descriptorFile,
                    DescriptorGuess.toJson(builder.build()) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write descriptor " + descriptorFile, e);
        }
        return descriptorFile;
    }
}
