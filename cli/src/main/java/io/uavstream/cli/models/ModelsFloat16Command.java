package io.uavstream.cli.models;

import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelInputs;
import io.uavstream.models.onnx.DescriptorFiles;
import io.uavstream.models.onnx.Float16Weights;
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

/** {@code uavstream models fp16}: half-precision weight storage. */
@Command(name = "fp16", mixinStandardHelpOptions = true,
        description = "Store a model's convolution and matrix weights as FLOAT16 behind Casts to float: about half the"
                + " file size, float computation. Writes OUT and its descriptor OUT-stem.json.")
final class ModelsFloat16Command implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--descriptor", paramLabel = "FILE",
            description = "Descriptor of IN (default: IN-stem.json beside IN, or the bundled one for its file name).")
    private Path descriptorFile;

    @Parameters(index = "0", paramLabel = "IN", description = "Float ONNX model.")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "ONNX model to write.")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("Model file " + input + " does not exist or is not a regular file");
        }
        ModelDescriptor descriptor = ModelInputs.descriptorOf(descriptorFile != null ? descriptorFile : input);
        Float16Weights.Result result = Float16Weights.convert(OnnxModel.read(input));
        Files.write(output, result.model());
        Path written = DescriptorFiles.writeDerived(descriptor, output,
                (descriptor.description().isEmpty() ? descriptor.id() : descriptor.description())
                        + ", weights stored as FLOAT16");
        PrintWriter out = spec.commandLine().getOut();
        out.println("Converted " + result.convertedTensors() + " weight tensors to FLOAT16");
        out.println("Wrote " + output.toAbsolutePath() + " and " + written.toAbsolutePath());
        out.flush();
        return 0;
    }
}
