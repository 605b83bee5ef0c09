package io.uavstream.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.uavstream.models.InvalidModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles a model with ONNX Runtime's session profiler (SessionOptions.enableProfiling), on
 * the same session settings as the detectors: all graph optimisations, sequential execution, the
 * given intra-op threads. It feeds a constant float input of the model's input shape, because
 * kernel times of convolutions do not depend on the pixel values.
 *
 * <p>The profiler writes a Chrome trace JSON. Each run is a {@code model_run} event of category
 * "Session", and each kernel a {@code <node>_kernel_time} event of category "Node" whose args
 * name the operator ({@code op_name}) and execution provider ({@code provider}). Durations are in
 * microseconds.
 */
public final class OperatorProfiler {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorProfiler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float INPUT_VALUE = 0.5f;

    private OperatorProfiler() {}

    /**
     * Runs {@code model} {@code warmUpRuns + runs} times and returns the figures of the last
     * {@code runs}. Trace and optimised model files are written into {@code workDirectory}.
     *
     * @throws InvalidModelException if ONNX Runtime cannot load or run the model
     */
    public static OperatorProfile profile(Path model, int intraOpThreads, int warmUpRuns,
            int runs, Path workDirectory) {
        if (intraOpThreads < 1 || warmUpRuns < 0 || runs < 1) {
            throw new IllegalArgumentException("Need intraOpThreads >= 1, warmUpRuns >= 0 and"
                    + " runs >= 1, got " + intraOpThreads + ", " + warmUpRuns + ", " + runs);
        }
        OnnxValueInfo input = singleInput(OnnxModel.read(model));
        Path optimized = workDirectory.resolve("optimized.onnx");
        Path trace = runProfiled(model, input, intraOpThreads, warmUpRuns + runs,
                workDirectory);
        saveOptimized(model, intraOpThreads, optimized);
        List<JsonNode> events = readEvents(trace);
        Map<String, Integer> optimizedOperators =
                ModelInspector.operatorCounts(OnnxModel.read(optimized));
        return summarize(model, intraOpThreads, warmUpRuns, runs, events, optimizedOperators);
    }

    private static OnnxValueInfo singleInput(OnnxModel model) {
        List<OnnxValueInfo> inputs = model.inputs();
        if (inputs.size() != 1 || !inputs.get(0).hasStaticShape()
                || inputs.get(0).dataType() != TensorDataType.FLOAT) {
            throw new InvalidModelException("Model " + model.source() + " needs one float input"
                    + " of static shape to be profiled, got " + inputs);
        }
        return inputs.get(0);
    }

    /**
     * Writes the graph that ONNX Runtime runs after its optimisations. A separate session does
     * this, because ONNX Runtime may skip hardware-specific layout changes in a session that
     * saves its graph, and the profiled session must run exactly as a detector's does.
     */
    private static void saveOptimized(Path model, int intraOpThreads, Path optimized) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment(
                OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "uavstream");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setOptimizedModelFilePath(optimized.toString());
            environment.createSession(model.toString(), options).close();
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime could not save the optimised graph of "
                    + model + ": " + e.getMessage(), e);
        }
    }

    private static Path runProfiled(Path model, OnnxValueInfo input, int intraOpThreads,
            int totalRuns, Path workDirectory) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment(
                OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "uavstream");
        long[] shape = input.shape().stream().mapToLong(Long::longValue).toArray();
        float[] values = new float[(int) input.elementCount()];
        java.util.Arrays.fill(values, INPUT_VALUE);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.enableProfiling(workDirectory.resolve("ort-profile").toString());
            try (OrtSession session = environment.createSession(model.toString(), options);
                    OnnxTensor tensor = OnnxTensor.createTensor(environment,
                            FloatBuffer.wrap(values), shape)) {
                for (int run = 0; run < totalRuns; run++) {
                    session.run(Map.of(input.name(), tensor)).close();
                }
                return Path.of(session.endProfiling());
            }
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime could not profile " + model + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<JsonNode> readEvents(Path trace) {
        try {
            JsonNode root = JSON.readTree(trace.toFile());
            List<JsonNode> events = new ArrayList<>();
            root.forEach(events::add);
            LOG.debug("Read {} profiler events from {}", events.size(), trace);
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read ONNX Runtime profile " + trace, e);
        }
    }

    /** Sums the kernel events that fall inside the last {@code runs} model_run events. */
    static OperatorProfile summarize(Path model, int intraOpThreads, int warmUpRuns, int runs,
            List<JsonNode> events, Map<String, Integer> optimizedOperators) {
        List<JsonNode> modelRuns = events.stream()
                .filter(e -> "Session".equals(e.path("cat").asText())
                        && "model_run".equals(e.path("name").asText()))
                .sorted(Comparator.comparingLong(e -> e.path("ts").asLong()))
                .toList();
        if (modelRuns.size() < warmUpRuns + runs) {
            throw new IllegalStateException("The profile has " + modelRuns.size()
                    + " model_run events, expected " + (warmUpRuns + runs));
        }
        List<JsonNode> timed = modelRuns.subList(warmUpRuns, warmUpRuns + runs);
        long start = timed.get(0).path("ts").asLong();
        JsonNode last = timed.get(timed.size() - 1);
        long end = last.path("ts").asLong() + last.path("dur").asLong();
        double runMicros = timed.stream().mapToLong(e -> e.path("dur").asLong()).sum();

        Map<String, double[]> sums = new HashMap<>();
        for (JsonNode event : events) {
            long ts = event.path("ts").asLong();
            if (!"Node".equals(event.path("cat").asText()) || ts < start || ts > end
                    || !event.path("name").asText().endsWith("_kernel_time")) {
                continue;
            }
            String key = event.path("args").path("op_name").asText() + "\t"
                    + event.path("args").path("provider").asText();
            double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
            sum[0]++;
            sum[1] += event.path("dur").asLong();
        }
        List<OperatorProfile.OperatorTime> operators = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\t", 2);
            operators.add(new OperatorProfile.OperatorTime(parts[0], parts[1], sum[0] / runs,
                    sum[1] / runs / 1000.0));
        });
        operators.sort(Comparator.comparingDouble(OperatorProfile.OperatorTime::millisPerRun)
                .reversed());
        return new OperatorProfile(model, intraOpThreads, runs, runMicros / runs / 1000.0,
                operators, optimizedOperators);
    }
}
