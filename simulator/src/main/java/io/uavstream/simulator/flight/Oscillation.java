package io.uavstream.simulator.flight;

import java.util.SplittableRandom;

/** A smooth pseudo-random signal: a sum of sinusoids with drawn frequencies, amplitudes and phases. */
final class Oscillation {

    private final double[] amplitudes;
    private final double[] angularFrequencies;
    private final double[] phases;

    /**
     * Draws {@code terms} sinusoids with frequencies in [minHertz, maxHertz] whose amplitudes add up to
     * at most {@code amplitude}.
     */
    Oscillation(SplittableRandom random, int terms, double amplitude, double minHertz, double maxHertz) {
        amplitudes = new double[terms];
        angularFrequencies = new double[terms];
        phases = new double[terms];
        double total = 0;
        for (int k = 0; k < terms; k++) {
            amplitudes[k] = random.nextDouble(0.3, 1);
            total += amplitudes[k];
            angularFrequencies[k] = 2 * Math.PI * random.nextDouble(minHertz, maxHertz);
            phases[k] = random.nextDouble(0, 2 * Math.PI);
        }
        for (int k = 0; k < terms; k++) {
            amplitudes[k] *= amplitude / total;
        }
    }

    double value(double t) {
        double sum = 0;
        for (int k = 0; k < amplitudes.length; k++) {
            sum += amplitudes[k] * Math.sin(angularFrequencies[k] * t + phases[k]);
        }
        return sum;
    }

    double derivative(double t) {
        double sum = 0;
        for (int k = 0; k < amplitudes.length; k++) {
            sum += amplitudes[k] * angularFrequencies[k] * Math.cos(angularFrequencies[k] * t + phases[k]);
        }
        return sum;
    }

    double secondDerivative(double t) {
        double sum = 0;
        for (int k = 0; k < amplitudes.length; k++) {
            double w = angularFrequencies[k];
            sum -= amplitudes[k] * w * w * Math.sin(w * t + phases[k]);
        }
        return sum;
    }
}
