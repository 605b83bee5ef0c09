package io.uavstream.models.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.uavstream.models.InvalidModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX Runtime session on a copy of a model whose chosen intermediate tensors are extra graph
 * outputs, so that one run returns them. The session is created without graph optimisations,
 * so every tensor of the original graph still exists. Owns the session: close it.
 */
final class IntermediateTensors implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OnnxValueInfo input;
    private final List<String> exposed;

    private IntermediateTensors(OrtEnvironment environment, OrtSession session,
            OnnxValueInfo input, List<String> exposed) {
        this.environment = environment;
        this.session = session;
        this.input = input;
        this.exposed = exposed;
    }

    /**
     * Opens a session on {@code model} that returns the tensors {@code names} besides the graph
     * outputs. The model must have exactly one input.
     *
     * @throws InvalidModelException if ONNX Runtime cannot load the copy or the model has
     *     several inputs
     */
    static IntermediateTensors open(OnnxModel model, Collection<String> names) {
        List<OnnxValueInfo> inputs = model.inputs();
        if (inputs.size() != 1) {
            throw new InvalidModelException("Model " + model.source() + " has " + inputs.size()
                    + " inputs " + inputs + "; only single-input models can be probed");
        }
        Set<String> graphOutputs = new LinkedHashSet<>();
        model.outputs().forEach(o -> graphOutputs.add(o.name()));
        OnnxModelEditor editor = OnnxModelEditor.of(model);
        List<String> exposed = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (!name.isEmpty() && !graphOutputs.contains(name)) {
                editor.addOutput(name);
                exposed.add(name);
            }
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment(
                OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "uavstream");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            OrtSession session = environment.createSession(editor.encode(), options);
            return new IntermediateTensors(environment, session, inputs.get(0), exposed);
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime could not load " + model.source()
                    + " with its intermediate tensors as outputs: " + e.getMessage(), e);
        }
    }

    /** Returns the names of all tensors of the graph that nodes produce, in graph order. */
    static List<String> nodeOutputs(OnnxModel model) {
        List<String> names = new ArrayList<>();
        for (OnnxNode node : model.nodes()) {
            node.outputs().stream().filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return names;
    }

    /** Returns the model input, whose shape may have symbolic dimensions. */
    OnnxValueInfo input() {
        return input;
    }

    /**
     * Runs the model on a float input of {@code shape} and passes each float output, exposed or
     * not, to {@code consumer}.
     */
    void runFloat(float[] values, long[] shape, FloatConsumer consumer) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        buffer.asFloatBuffer().put(values);
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, buffer.asFloatBuffer(),
                shape);
                OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                if (output.getValue() instanceof OnnxTensor out
                        && out.getInfo().type == OnnxJavaType.FLOAT) {
                    consumer.accept(output.getKey(), out.getFloatBuffer());
                }
            }
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime failed to run the probe model: "
                    + e.getMessage(), e);
        }
    }

    /** Receives one float output of a run; the buffer is valid only during the call. */
    @FunctionalInterface
    interface FloatConsumer {
        void accept(String name, java.nio.FloatBuffer values);
    }

    /**
     * Runs the model once on zeros of the input type and returns the type and shape of every
     * output, the exposed intermediate tensors included.
     *
     * @param inputShape concrete input shape, used where the model's input has symbolic
     *     dimensions
     */
    Map<String, OnnxValueInfo> probeShapes(long[] inputShape) {
        TensorDataType type = input.dataType();
        OnnxJavaType javaType = switch (type) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT8 -> OnnxJavaType.INT8;
            default -> throw new InvalidModelException("Model input '" + input.name() + "' is "
                    + type + "; shapes can be probed only for FLOAT, UINT8 or INT8 inputs");
        };
        long elements = 1;
        for (long d : inputShape) {
            elements *= d;
        }
        ByteBuffer zeros = ByteBuffer.allocateDirect((int) elements * type.bytes())
                .order(ByteOrder.nativeOrder());
        Map<String, OnnxValueInfo> shapes = new HashMap<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, zeros, inputShape,
                javaType);
                OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                if (output.getValue().getInfo() instanceof TensorInfo info) {
                    List<Long> shape = new ArrayList<>();
                    for (long d : info.getShape()) {
                        shape.add(d);
                    }
                    shapes.put(output.getKey(), new OnnxValueInfo(output.getKey(),
                            dataType(info.type), shape));
                }
            }
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime failed to run " + input.name()
                    + " zeros through the probe model: " + e.getMessage(), e);
        }
        return shapes;
    }

    private static TensorDataType dataType(OnnxJavaType type) {
        return switch (type) {
            case FLOAT -> TensorDataType.FLOAT;
            case DOUBLE -> TensorDataType.DOUBLE;
            case FLOAT16 -> TensorDataType.FLOAT16;
            case BFLOAT16 -> TensorDataType.BFLOAT16;
            case INT8 -> TensorDataType.INT8;
            case UINT8 -> TensorDataType.UINT8;
            case INT16 -> TensorDataType.INT16;
            case INT32 -> TensorDataType.INT32;
            case INT64 -> TensorDataType.INT64;
            case BOOL -> TensorDataType.BOOL;
            case STRING -> TensorDataType.STRING;
            default -> TensorDataType.UNDEFINED;
        };
    }

    /** Returns the exposed intermediate tensor names. */
    List<String> exposed() {
        return exposed;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to release a probe session", e);
        }
    }
}
