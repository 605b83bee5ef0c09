package io.uavstream.models.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Kernel times of one model run by operator, from ONNX Runtime's session profiler.
 *
 * @param model the profiled model file
 * @param intraOpThreads intra-op threads of the session
 * @param runs timed runs that the figures average over (warm-up runs left out)
 * @param meanRunMillis mean wall time of one {@code model_run}, in milliseconds
 * @param operators per-operator figures, slowest first
 * @param optimizedOperators node count by operator in the graph that ONNX Runtime runs, after its
 *     graph optimisations (fusions, layout changes, QDQ-to-integer-kernel rewrites)
 */
public record OperatorProfile(Path model, int intraOpThreads, int runs, double meanRunMillis,
        List<OperatorTime> operators, Map<String, Integer> optimizedOperators) {

    public OperatorProfile {
        operators = List.copyOf(operators);
        optimizedOperators = Map.copyOf(optimizedOperators);
    }

    /**
     * Kernel time of one operator type in one execution provider.
     *
     * @param operator the kernel's op_name, such as "QLinearConv" or "FusedConv"
     * @param provider the execution provider that ran it, such as "CPUExecutionProvider"
     * @param nodesPerRun kernel calls per run
     * @param millisPerRun summed kernel time per run, in milliseconds
     */
    public record OperatorTime(String operator, String provider, double nodesPerRun,
            double millisPerRun) {}

    /** Returns the summed kernel time per run over all operators, in milliseconds. */
    public double kernelMillisPerRun() {
        return operators.stream().mapToDouble(OperatorTime::millisPerRun).sum();
    }
}
