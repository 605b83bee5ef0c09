package io.uavstream.operators;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * One of the {@link AnalysisCounters}: a job-wide accumulator and an operator metric, counted
 * together. Chained operators share the task's accumulator of the same name.
 */
final class AnalysisCounter {

    private final LongCounter accumulator;
    private final Counter metric;

    private AnalysisCounter(LongCounter accumulator, Counter metric) {
        this.accumulator = accumulator;
        this.metric = metric;
    }

    /** Registers the counter {@code name} in the operator's runtime context. */
    static AnalysisCounter register(RuntimeContext context, String name) {
        // getLongCounter returns the task's existing accumulator of that name or adds a new one.
        return new AnalysisCounter(context.getLongCounter(name), context.getMetricGroup().counter(name));
    }

    void inc() {
        accumulator.add(1L);
        metric.inc();
    }
}
