package io.uavstream.video;

/**
 * Moving minimum and maximum over a window of {@code 2 * radius + 1} samples along one line of a
 * byte image, with the window clamped at the line's ends, by the van Herk/Gil-Werman algorithm.
 *
 * <p>The line is padded with copies of its end samples, which leaves every clamped window's
 * extremes unchanged. The padded line is cut into blocks of one window length. Within a block, a
 * forward running extreme and a backward running extreme are computed, and the extreme of the
 * window starting at {@code i} is the extreme of the backward value at {@code i} and the forward
 * value at {@code i + window - 1}. The buffers are reused between lines; not thread-safe.
 */
final class MovingExtremum {

    private final int length;
    private final int radius;
    private final int window;
    private final int[] padded;
    private final int[] forwardMin;
    private final int[] backwardMin;
    private final int[] forwardMax;
    private final int[] backwardMax;

    /** Creates a filter for lines of {@code length} samples and windows of {@code 2 * radius + 1}. */
    MovingExtremum(int length, int radius) {
        if (length < 1 || radius < 0) {
            throw new IllegalArgumentException("Invalid line length " + length + " or radius " + radius);
        }
        this.length = length;
        this.radius = radius;
        this.window = 2 * radius + 1;
        int paddedLength = length + 2 * radius;
        this.padded = new int[paddedLength];
        this.forwardMin = new int[paddedLength];
        this.backwardMin = new int[paddedLength];
        this.forwardMax = new int[paddedLength];
        this.backwardMax = new int[paddedLength];
    }

    /**
     * Filters the line of {@code source} that starts at {@code offset} with {@code stride} bytes
     * between samples, and writes its moving minimum and maximum at the same positions of
     * {@code min} and {@code max}.
     */
    void filter(byte[] source, int offset, int stride, byte[] min, byte[] max) {
        pad(source, offset, stride);
        runForward();
        runBackward();
        for (int i = 0; i < length; i++) {
            int end = i + window - 1;
            int index = offset + i * stride;
            min[index] = (byte) Math.min(backwardMin[i], forwardMin[end]);
            max[index] = (byte) Math.max(backwardMax[i], forwardMax[end]);
        }
    }

    private void pad(byte[] source, int offset, int stride) {
        int first = source[offset] & 0xff;
        int last = source[offset + (length - 1) * stride] & 0xff;
        for (int i = 0; i < radius; i++) {
            padded[i] = first;
            padded[radius + length + i] = last;
        }
        for (int i = 0; i < length; i++) {
            padded[radius + i] = source[offset + i * stride] & 0xff;
        }
    }

    private void runForward() {
        for (int i = 0; i < padded.length; i++) {
            int value = padded[i];
            boolean blockStart = i % window == 0;
            forwardMin[i] = blockStart ? value : Math.min(forwardMin[i - 1], value);
            forwardMax[i] = blockStart ? value : Math.max(forwardMax[i - 1], value);
        }
    }

    private void runBackward() {
        int last = padded.length - 1;
        for (int i = last; i >= 0; i--) {
            int value = padded[i];
            boolean blockEnd = i == last || i % window == window - 1;
            backwardMin[i] = blockEnd ? value : Math.min(backwardMin[i + 1], value);
            backwardMax[i] = blockEnd ? value : Math.max(backwardMax[i + 1], value);
        }
    }
}
