package io.uavstream.cli.models;

import io.uavstream.models.BundledModels;
import io.uavstream.models.onnx.ModelInspection;
import io.uavstream.models.onnx.ModelInspector;
import io.uavstream.models.onnx.OnnxModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uavstream models inspect FILE}: what an ONNX model contains and the descriptor it needs. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print an ONNX model's inputs, outputs, opsets, operator counts, quantization, parameters,"
                + " estimated GFLOPs and the descriptor a detector would need.")
final class ModelsInspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "ONNX model file (.onnx), or the ID of a bundled model.")
    private String model;

    @Option(names = "--probe-size", paramLabel = "PIXELS", defaultValue = "" + ModelInspector.DEFAULT_PROBE_SIZE,
            description = "Input size used for symbolic height and width when shapes are probed (default: ${DEFAULT-VALUE}).")
    private int probeSize;

    @Option(names = "--descriptor", paramLabel = "FILE",
            description = "Also write the guessed descriptor JSON to FILE, to check and edit before use.")
    private Path descriptorFile;

    /** Returns the ONNX file of {@code model}: the file itself, or a bundled model's extracted copy. */
    private static Path onnxFile(String model) {
        Path file = Path.of(model);
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (BundledModels.contains(model)) {
            return BundledModels.descriptor(model).modelPath();
        }
        throw new IllegalArgumentException("Model file " + file + " does not exist or is not a regular file, and no"
                + " bundled model has that ID (bundled: " + String.join(", ", BundledModels.ids()) + ")");
    }

    @Override
    public Integer call() throws Exception {
        Path file = onnxFile(model);
        if (probeSize < 32) {
            throw new IllegalArgumentException("--probe-size must be at least 32 pixels, got " + probeSize);
        }
        ModelInspection inspection = ModelInspector.inspect(OnnxModel.read(file), probeSize);
        PrintWriter out = spec.commandLine().getOut();
        out.print(InspectionReport.render(inspection));
        if (descriptorFile != null) {
            if (inspection.descriptor().isEmpty()) {
                throw new IllegalStateException("No descriptor to write: " + inspection.descriptorNote());
            }
            Files.writeString(descriptorFile, inspection.descriptor().get() + System.lineSeparator());
            out.println("Wrote " + descriptorFile.toAbsolutePath());
        }
        out.flush();
        return 0;
    }
}
