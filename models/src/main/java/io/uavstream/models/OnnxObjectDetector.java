package io.uavstream.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ObjectDetector} on an ONNX Runtime session.
 *
 * <p>All native resources are created in {@link #open} and freed in {@link #close}: the session,
 * one input tensor and one tensor per output. The tensors wrap direct buffers that this class
 * allocates once, and inference writes its outputs straight into them (ONNX Runtime's pinned
 * outputs). Per frame, the Java side allocates only ONNX Runtime's small result wrapper and the
 * returned detections.
 */
final class OnnxObjectDetector implements ObjectDetector {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxObjectDetector.class);

    private static final int INITIAL_CANDIDATES = 256;

    private final ModelDescriptor descriptor;
    private final OrtSession session;
    private final OnnxTensor input;
    private final FloatBuffer inputBuffer;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final FloatBuffer[] outputBuffers;
    private final LetterboxPreprocessor preprocessor;
    private final OutputDecoder decoder;
    private final Candidates candidates = new Candidates(INITIAL_CANDIDATES);
    private final NonMaxSuppression nms;
    private boolean closed;

    private OnnxObjectDetector(ModelDescriptor descriptor, OrtSession session, OnnxTensor input,
            FloatBuffer inputBuffer, String inputName, Map<String, OnnxTensor> outputs,
            FloatBuffer[] outputBuffers, OutputDecoder decoder) {
        this.descriptor = descriptor;
        this.session = session;
        this.input = input;
        this.inputBuffer = inputBuffer;
        this.inputs = Map.of(inputName, input);
        this.outputs = outputs;
        this.outputBuffers = outputBuffers;
        this.preprocessor = new LetterboxPreprocessor(descriptor);
        this.decoder = decoder;
        this.nms = new NonMaxSuppression(descriptor.nmsIouThreshold(), descriptor.maxDetections());
    }

    /**
     * Loads the model that {@code descriptor} names, checks its inputs and outputs against the
     * descriptor, and allocates the input and output tensors.
     *
     * @throws InvalidModelException if ONNX Runtime cannot load the model or its tensors do not
     *     match the descriptor
     */
    static OnnxObjectDetector open(ModelDescriptor descriptor, int intraOpThreads) {
        OutputDecoder decoder = OutputDecoders.create(descriptor);
        OrtEnvironment environment = environment();
        OrtSession session = createSession(environment, descriptor, intraOpThreads);
        List<OnnxTensor> tensors = new ArrayList<>();
        try {
            ModelSignature signature = ModelSignature.verify(session, descriptor, decoder);

            long[] inputShape = {1, 3, descriptor.inputHeight(), descriptor.inputWidth()};
            FloatBuffer inputBuffer = allocate(inputShape);
            OnnxTensor input = track(tensors,
                    OnnxTensor.createTensor(environment, inputBuffer, inputShape));

            Map<String, OnnxTensor> outputs = new HashMap<>();
            FloatBuffer[] outputBuffers = new FloatBuffer[signature.outputNames().size()];
            for (int i = 0; i < outputBuffers.length; i++) {
                long[] shape = signature.outputShapes().get(i);
                outputBuffers[i] = allocate(shape);
                outputs.put(signature.outputNames().get(i), track(tensors,
                        OnnxTensor.createTensor(environment, outputBuffers[i], shape)));
            }

            LOG.info("Opened detector '{}' ({}, input {}x{}, {} classes) from {} with {} intra-op"
                    + " threads", descriptor.id(), descriptor.format(), descriptor.inputWidth(),
                    descriptor.inputHeight(), descriptor.classNames().size(),
                    descriptor.modelPath(), intraOpThreads);
            return new OnnxObjectDetector(descriptor, session, input, inputBuffer,
                    signature.inputName(), Map.copyOf(outputs), outputBuffers, decoder);
        } catch (OrtException | RuntimeException e) {
            RuntimeException failure = e instanceof InvalidModelException invalid ? invalid
                    : new InvalidModelException("Could not prepare tensors for model "
                            + descriptor.modelPath() + ": " + e.getMessage(), e);
            tensors.forEach(OnnxTensor::close);
            closeSession(session, failure);
            throw failure;
        }
    }

    /**
     * Returns the process-wide ONNX Runtime environment. Its log level is ERROR because ONNX
     * Runtime 1.28 warns once per weight, on every session creation, about models that list their
     * weights as graph inputs, as older exporters did.
     */
    private static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "uavstream");
    }

    private static OrtSession createSession(OrtEnvironment environment,
            ModelDescriptor descriptor, int intraOpThreads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(descriptor.modelPath().toString(), options);
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime could not load model "
                    + descriptor.modelPath() + " (descriptor " + descriptor.source() + "): "
                    + withoutFinalPeriod(e.getMessage()) + ". Check that the file is a complete"
                    + " ONNX model.", e);
        }
    }

    private static String withoutFinalPeriod(String message) {
        String trimmed = String.valueOf(message).strip();
        while (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static FloatBuffer allocate(long[] shape) {
        long elements = 1;
        for (long dimension : shape) {
            elements *= dimension;
        }
        if (elements * Float.BYTES > Integer.MAX_VALUE) {
            throw new InvalidModelException("Tensor of shape " + Arrays.toString(shape)
                    + " is too large for one buffer");
        }
        return ByteBuffer.allocateDirect((int) elements * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    private static OnnxTensor track(List<OnnxTensor> tensors, OnnxTensor tensor) {
        tensors.add(tensor);
        return tensor;
    }

    @Override
    public List<Detection> detect(BgrImage image) {
        if (closed) {
            throw new IllegalStateException("Detector '" + descriptor.id() + "' is closed");
        }
        Letterbox letterbox = preprocessor.write(image, inputBuffer);
        try (OrtSession.Result ignored = session.run(inputs, outputs)) {
            // The outputs are pinned: ONNX Runtime wrote them into outputBuffers.
        } catch (OrtException e) {
            throw new DetectionException("ONNX Runtime inference failed for model '"
                    + descriptor.id() + "' (" + descriptor.modelPath() + ") on a "
                    + image.width() + "x" + image.height() + " image: " + e.getMessage(), e);
        }
        candidates.clear();
        decoder.decode(outputBuffers, candidates);
        candidates.mapToSource(letterbox);
        return toDetections(nms.apply(candidates));
    }

    private List<Detection> toDetections(int keptCount) {
        List<Detection> detections = new ArrayList<>(keptCount);
        for (int rank = 0; rank < keptCount; rank++) {
            int i = nms.kept(rank);
            int classId = candidates.classId(i);
            detections.add(new Detection(classId, descriptor.classNames().get(classId),
                    candidates.score(i), candidates.x1(i), candidates.y1(i), candidates.x2(i),
                    candidates.y2(i)));
        }
        return detections;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outputs.values().forEach(OnnxTensor::close);
        input.close();
        closeSession(session, null);
        LOG.info("Closed detector '{}'", descriptor.id());
    }

    /**
     * Closes the session. A failure is added to {@code pending} as suppressed or, when there is
     * none, thrown.
     */
    private static void closeSession(OrtSession session, RuntimeException pending) {
        try {
            session.close();
        } catch (OrtException e) {
            if (pending != null) {
                pending.addSuppressed(e);
            } else {
                throw new IllegalStateException("ONNX Runtime failed to release a session", e);
            }
        }
    }
}
