package io.uavstream.models.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a small real convolutional ONNX model (IR 7, opset 13) with seeded random weights:
 * input "images" [1, 3, 32, 32] -> Conv 3x3 stride 2 (8 channels) -> Relu -> depthwise Conv 3x3
 * -> Relu -> Add of both Relu outputs -> Conv 1x1 (4 channels) -> output "scores" [1, 4, 16, 16].
 */
final class TinyConvModel {

    /** Multiply-accumulates: 8x16x16x27 + 8x16x16x9 + 4x16x16x8. */
    static final long MACS = 8L * 256 * 27 + 8L * 256 * 9 + 4L * 256 * 8;

    /** Weights and biases: 8x27 + 8, 8x9 + 8, 4x8 + 4. */
    static final long PARAMETERS = 8 * 27 + 8 + 8 * 9 + 8 + 4 * 8 + 4;

    private TinyConvModel() {}

    static Path write(Path file) throws IOException {
        Random random = new Random(7);
        ProtoWriter graph = new ProtoWriter();
        graph.bytes(1, conv("conv1", "images", "w1", "b1", "c1", 2, 1).encode());
        graph.bytes(1, OnnxNode.of("relu1", "Relu", "", List.of("c1"), List.of("r1")).encode());
        graph.bytes(1, conv("conv2", "r1", "w2", "b2", "c2", 1, 8).encode());
        graph.bytes(1, OnnxNode.of("relu2", "Relu", "", List.of("c2"), List.of("r2")).encode());
        graph.bytes(1, OnnxNode.of("add", "Add", "", List.of("r1", "r2"), List.of("sum")).encode());
        graph.bytes(1, OnnxNode.of("conv3", "Conv", "", List.of("sum", "w3", "b3"),
                List.of("scores")).encode());
        graph.string(2, "tiny_conv");
        graph.bytes(5, tensor("w1", new long[] {8, 3, 3, 3}, random, 0.3f));
        graph.bytes(5, tensor("b1", new long[] {8}, random, 0.1f));
        graph.bytes(5, tensor("w2", new long[] {8, 1, 3, 3}, random, 0.5f));
        graph.bytes(5, tensor("b2", new long[] {8}, random, 0.1f));
        graph.bytes(5, tensor("w3", new long[] {4, 8, 1, 1}, random, 0.5f));
        graph.bytes(5, tensor("b3", new long[] {4}, random, 0.1f));
        graph.message(11, valueInfo("images", 1, 3, 32, 32));
        graph.message(12, valueInfo("scores", 1, 4, 16, 16));

        ProtoWriter model = new ProtoWriter().varint(1, 7).string(2, "uavstream-test")
                .message(7, graph).message(8, new ProtoWriter().varint(2, 13));
        Files.write(file, model.toByteArray());
        return file;
    }

    private static OnnxNode conv(String name, String input, String weight, String bias,
            String output, int stride, int group) {
        OnnxNode node = OnnxNode.of(name, "Conv", "", List.of(input, weight, bias),
                List.of(output));
        node = node.withIntAttribute("group", group);
        return withInts(node, "strides", stride, stride);
    }

    /** Sets strides and symmetric padding of 1 through a Conv ints attribute. */
    private static OnnxNode withInts(OnnxNode node, String attribute, long... values) {
        ProtoWriter encoded = new ProtoWriter().string(1, attribute);
        for (long value : values) {
            encoded.varint(8, value);
        }
        encoded.varint(20, 7);
        ProtoWriter pads = new ProtoWriter().string(1, "pads");
        for (int i = 0; i < 4; i++) {
            pads.varint(8, node.name().equals("conv3") ? 0 : 1);
        }
        pads.varint(20, 7);
        byte[] wrapped = new ProtoWriter().message(5, encoded).message(5, pads).toByteArray();
        java.util.Map<String, ProtoReader.Field> attributes =
                new java.util.HashMap<>(node.encodedAttributes());
        List<ProtoReader.Field> fields = ProtoReader.parse(wrapped);
        attributes.put(attribute, fields.get(0));
        attributes.put("pads", fields.get(1));
        return new OnnxNode(node.name(), node.opType(), node.domain(), node.inputs(),
                node.outputs(), attributes);
    }

    private static byte[] tensor(String name, long[] dims, Random random, float scale) {
        int count = 1;
        for (long d : dims) {
            count *= (int) d;
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian() * scale;
        }
        return OnnxModelEditor.encodeTensor(name, TensorDataType.FLOAT, dims,
                ProtoWriter.littleEndian(values));
    }

    private static ProtoWriter valueInfo(String name, long... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (long d : dims) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, TensorDataType.FLOAT.code())
                .message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1,
                tensorType));
    }
}
