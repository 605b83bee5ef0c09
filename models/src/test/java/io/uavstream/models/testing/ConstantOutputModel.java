package io.uavstream.models.testing;

import io.uavstream.models.onnx.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a real ONNX model whose outputs are fixed tensors: each output is
 * {@code constant + 0 * ReduceSum(input)}, so the graph consumes its float image input
 * [1, 3, H, W] and ONNX Runtime cannot fold the outputs away, yet their values never change.
 *
 * <p>Field numbers follow onnx.proto (ONNX IR version 8, default-domain opset 17).
 */
final class ConstantOutputModel {

    private static final int IR_VERSION = 8;
    private static final int OPSET = 17;
    private static final int FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;

    private final String inputName;
    private final long[] inputShape;
    private final List<String> outputNames = new ArrayList<>();
    private final List<long[]> outputShapes = new ArrayList<>();
    private final List<float[]> outputValues = new ArrayList<>();

    ConstantOutputModel(String inputName, long[] inputShape) {
        this.inputName = inputName;
        this.inputShape = inputShape.clone();
    }

    /** Adds an output with the given shape and row-major values. */
    ConstantOutputModel output(String name, long[] shape, float[] values) {
        long elements = 1;
        for (long dimension : shape) {
            elements *= dimension;
        }
        if (elements != values.length) {
            throw new IllegalArgumentException("Output " + name + " has " + values.length
                    + " values, but its shape needs " + elements);
        }
        outputNames.add(name);
        outputShapes.add(shape.clone());
        outputValues.add(values.clone());
        return this;
    }

    /** Returns the serialized ModelProto. */
    byte[] toByteArray() {
        ProtoWriter graph = new ProtoWriter();
        graph.message(1, node("ReduceSum", List.of(inputName), "input_sum")
                .message(5, new ProtoWriter()
                        .string(1, "keepdims")
                        .varint(3, 0)
                        .varint(20, ATTRIBUTE_INT)));
        graph.message(1, node("Mul", List.of("input_sum", "zero"), "input_times_zero"));
        for (String output : outputNames) {
            graph.message(1, node("Add", List.of(output + "_values", "input_times_zero"), output));
        }
        graph.string(2, "constant_outputs");
        graph.message(5, tensor("zero", new long[0], new float[] {0f}));
        for (int i = 0; i < outputNames.size(); i++) {
            graph.message(5, tensor(outputNames.get(i) + "_values", outputShapes.get(i),
                    outputValues.get(i)));
        }
        graph.message(11, valueInfo(inputName, inputShape));
        for (int i = 0; i < outputNames.size(); i++) {
            graph.message(12, valueInfo(outputNames.get(i), outputShapes.get(i)));
        }
        return new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "uavstream TinyModels")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private static ProtoWriter node(String opType, List<String> inputs, String output) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        return node.string(2, output).string(3, output + "_node").string(4, opType);
    }

    private static ProtoWriter tensor(String name, long[] shape, float[] values) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dimension : shape) {
            tensor.varint(1, dimension);
        }
        return tensor.varint(2, FLOAT)
                .string(8, name)
                .bytes(9, ProtoWriter.littleEndian(values));
    }

    private static ProtoWriter valueInfo(String name, long[] shape) {
        ProtoWriter dimensions = new ProtoWriter();
        for (long dimension : shape) {
            dimensions.message(1, new ProtoWriter().varint(1, dimension));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, dimensions);
        return new ProtoWriter()
                .string(1, name)
                .message(2, new ProtoWriter().message(1, tensorType));
    }
}
