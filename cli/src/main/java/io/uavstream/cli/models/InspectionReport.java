package io.uavstream.cli.models;

import io.uavstream.models.onnx.ModelInspection;
import io.uavstream.models.onnx.OnnxValueInfo;
import io.uavstream.models.onnx.QuantizationSummary;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link ModelInspection} as the text that {@code models inspect} prints. */
final class InspectionReport {

    private InspectionReport() {}

    static String render(ModelInspection inspection) {
        StringBuilder text = new StringBuilder();
        line(text, "Model", inspection.file().toString());
        line(text, "File size", String.format(Locale.ROOT, "%,d bytes", inspection.sizeBytes()));
        line(text, "Producer", inspection.producer().isEmpty() ? "(not set)" : inspection.producer());
        line(text, "IR version", Long.toString(inspection.irVersion()));
        line(text, "Opsets", inspection.opsets().entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "ai.onnx" : e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        for (OnnxValueInfo input : inspection.inputs()) {
            line(text, "Input", input.toString());
        }
        for (OnnxValueInfo output : inspection.outputs()) {
            line(text, "Output", output.toString());
        }
        line(text, "Parameters", String.format(Locale.ROOT, "%,d", inspection.parameters()));
        line(text, "GFLOPs", inspection.gflops().isPresent()
                ? String.format(Locale.ROOT, "%.3f (estimate: 2 x multiply-accumulates of convolutions and matrix products)",
                        inspection.gflops().getAsDouble())
                : "unknown (tensor shapes unknown)");
        quantization(text, inspection.quantization());
        text.append("Operators:\n");
        inspection.operatorCounts().forEach((op, count) ->
                text.append(String.format(Locale.ROOT, "  %-34s %5d%n", op, count)));
        text.append("Descriptor: ").append(inspection.descriptorNote()).append('\n');
        inspection.descriptor().ifPresent(json -> text.append(json).append('\n'));
        return text.toString();
    }

    private static void quantization(StringBuilder text, QuantizationSummary summary) {
        line(text, "Quantized", summary.quantized() ? "yes, " + summary.style() : "no");
        if (!summary.quantized()) {
            return;
        }
        line(text, "  QuantizeLinear", Integer.toString(summary.quantizeNodes()));
        line(text, "  DequantizeLinear", Integer.toString(summary.dequantizeNodes()));
        line(text, "  QLinear operators", Integer.toString(summary.qlinearNodes()));
        line(text, "  Integer operators", Integer.toString(summary.integerNodes()));
        line(text, "  Conv weights", summary.perChannelWeights() + " per-channel, "
                + summary.perTensorWeights() + " per-tensor");
        line(text, "  Conv types (act/weight)", counts(summary.convolutionTypes()));
        line(text, "  Float compute outside Q/DQ", summary.floatComputeNodes().isEmpty() ? "none"
                : counts(summary.floatComputeNodes()));
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-30s %s%n", label + ":", value));
    }
}
