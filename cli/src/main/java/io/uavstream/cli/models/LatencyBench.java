package io.uavstream.cli.models;

import io.uavstream.models.BgrImage;
import io.uavstream.models.ObjectDetector;
import io.uavstream.models.ObjectDetectors;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times {@link ObjectDetector#detect} (letterbox, ONNX Runtime, decoding, NMS) of several models on
 * one frame. The models take turns: each round times a batch of calls of every model in turn, and a
 * model's latency is the median over rounds of its mean per call. Background load on a shared
 * machine then slows all models of a round alike, instead of whichever model ran during a busy
 * spell.
 */
final class LatencyBench {

    /**
     * Settings of a latency measurement.
     *
     * @param warmUpCalls calls per model before timing, left out
     * @param rounds rounds of turns
     * @param callsPerRound timed calls per model per round
     */
    record Settings(int warmUpCalls, int rounds, int callsPerRound) {

        Settings {
            if (warmUpCalls < 0 || rounds < 1 || callsPerRound < 1) {
                throw new IllegalArgumentException("Need warmUpCalls >= 0, rounds >= 1 and callsPerRound >= 1,"
                        + " got " + warmUpCalls + ", " + rounds + ", " + callsPerRound);
            }
        }
    }

    private LatencyBench() {}

    /**
     * Median per-call figures of each model over the rounds, in milliseconds, in the order of the models.
     *
     * @param wallMillis wall time of a call
     * @param cpuMillis CPU time of the calling thread during a call. With one intra-op thread ONNX Runtime
     *     runs every kernel on the calling thread, so this is the compute cost of the call, and it hardly
     *     changes when other processes compete for the cores. With more threads it leaves out the pool's work.
     */
    record Result(double[] wallMillis, double[] cpuMillis) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Measures every model on {@code frame}; see {@link Result}. */
    static Result measure(List<BenchModel> models, BgrImage frame, int intraOpThreads, Settings settings) {
        List<ObjectDetector> detectors = new ArrayList<>();
        try {
            for (BenchModel model : models) {
                detectors.add(ObjectDetectors.open(model.descriptor(), intraOpThreads));
            }
            for (ObjectDetector detector : detectors) {
                for (int i = 0; i < settings.warmUpCalls(); i++) {
                    detector.detect(frame);
                }
            }
            double[][] wall = new double[models.size()][settings.rounds()];
            double[][] cpu = new double[models.size()][settings.rounds()];
            for (int round = 0; round < settings.rounds(); round++) {
                for (int m = 0; m < detectors.size(); m++) {
                    long startCpu = THREADS.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    for (int i = 0; i < settings.callsPerRound(); i++) {
                        detectors.get(m).detect(frame);
                    }
                    wall[m][round] = (System.nanoTime() - start) / 1e6 / settings.callsPerRound();
                    cpu[m][round] = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e6 / settings.callsPerRound();
                }
            }
            double[] wallMedians = new double[models.size()];
            double[] cpuMedians = new double[models.size()];
            for (int m = 0; m < wallMedians.length; m++) {
                wallMedians[m] = median(wall[m]);
                cpuMedians[m] = median(cpu[m]);
            }
            return new Result(wallMedians, cpuMedians);
        } finally {
            detectors.forEach(ObjectDetector::close);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
