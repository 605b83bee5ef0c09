package io.uavstream.cli.models;

import io.uavstream.models.ModelDescriptor;
import io.uavstream.models.ModelInputs;
import io.uavstream.models.onnx.CalibrationImages;
import io.uavstream.models.onnx.DescriptorFiles;
import io.uavstream.models.onnx.QdqQuantizer;
import io.uavstream.models.onnx.StaticQuantization;
import io.uavstream.models.onnx.TensorDataType;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uavstream models quantize}: static int8 QDQ quantization calibrated on a folder of images. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantize a detector to int8 in the QDQ format: activation ranges calibrated on images"
                + " pre-processed as the model's descriptor says, int8 convolution weights per output channel."
                + " Writes OUT and its descriptor OUT-stem.json.")
final class ModelsQuantizeCommand implements Callable<Integer> {

    /** Activation element types offered on the command line. */
    enum ActivationType { uint8, int8 }

    @Spec
    private CommandSpec spec;

    @Option(names = "--calibration", required = true, paramLabel = "DIR",
            description = "Folder of JPEG or PNG frames like those the model will see (a few dozen).")
    private Path calibration;

    @Option(names = "--max-images", defaultValue = "64", paramLabel = "N",
            description = "Use at most N calibration images, spread over the folder (default: ${DEFAULT-VALUE}).")
    private int maxImages;

    @Option(names = "--activations", defaultValue = "uint8", paramLabel = "TYPE",
            description = "Activation type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). ONNX Runtime's x86"
                    + " integer kernels are fast only for uint8 activations with int8 weights.")
    private ActivationType activations;

    @Option(names = "--per-tensor", description = "One weight scale per tensor instead of one per output channel.")
    private boolean perTensor;

    @Option(names = "--float-conv", split = ",", paramLabel = "KIND",
            description = "Keep these convolutions in float: ${COMPLETION-CANDIDATES}.")
    private List<QdqQuantizer.FloatConvolution> floatConvolutions;

    @Option(names = "--descriptor", paramLabel = "FILE",
            description = "Descriptor of IN (default: IN-stem.json beside IN, or the bundled one for its file name).")
    private Path descriptorFile;

    @Parameters(index = "0", paramLabel = "IN", description = "Float ONNX model.")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Quantized ONNX model to write.")
    private Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("Model file " + input + " does not exist or is not a regular file");
        }
        if (!Files.isDirectory(calibration)) {
            throw new IllegalArgumentException("Calibration folder " + calibration + " does not exist");
        }
        ModelDescriptor descriptor = ModelInputs.descriptorOf(descriptorFile != null ? descriptorFile : input);
        List<float[]> inputs = CalibrationImages.load(calibration, descriptor, maxImages);
        Set<QdqQuantizer.FloatConvolution> keptFloat = floatConvolutions == null
                ? Set.of() : EnumSet.copyOf(floatConvolutions);
        QdqQuantizer.Options options = new QdqQuantizer.Options(
                activations == ActivationType.uint8 ? TensorDataType.UINT8 : TensorDataType.INT8, !perTensor,
                keptFloat);
        long[] shape = {1, 3, descriptor.inputHeight(), descriptor.inputWidth()};
        QdqQuantizer.Result result = StaticQuantization.quantize(input, output, inputs, shape, options);
        String description = String.format(Locale.ROOT, "%s, static int8 QDQ (%s activations, %s weights%s),"
                + " calibrated on %d images of %s", descriptor.description().isEmpty() ? descriptor.id()
                : descriptor.description(), activations, result.perChannel() ? "per-channel" : "per-tensor",
                keptFloat.isEmpty() ? "" : ", float " + keptFloat, inputs.size(), calibration.getFileName());
        Path written = DescriptorFiles.writeDerived(descriptor, output, description);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Quantized %d activation tensors and %d convolution weights (%s) on %d calibration"
                + " images%n", result.quantizedActivations(), result.quantizedWeights(),
                result.perChannel() ? "per-channel" : "per-tensor", inputs.size());
        if (!result.uncalibrated().isEmpty()) {
            out.println("Left in float, no calibrated range: " + result.uncalibrated());
        }
        out.println("Wrote " + output.toAbsolutePath() + " and " + written.toAbsolutePath());
        out.flush();
        return 0;
    }
}
