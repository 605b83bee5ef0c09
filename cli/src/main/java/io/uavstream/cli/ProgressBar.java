package io.uavstream.cli;

import io.uavstream.ingest.IngestProgress;
import io.uavstream.ingest.IngestProgressListener;
import java.io.PrintStream;

/**
 * Draws ingest progress on one terminal line: a bar when the media duration is known, else
 * counts. Redraws at most every {@link #REDRAW_INTERVAL_NANOS} so that fast file ingest does
 * not flood the terminal. Draws nothing when the output is not a terminal, since ingest also logs
 * its progress.
 */
final class ProgressBar implements IngestProgressListener {

    private static final long REDRAW_INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private IngestProgress last;

    ProgressBar(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** Creates a bar on standard error, enabled when the process has a terminal. */
    static ProgressBar onStandardError() {
        return new ProgressBar(System.err, System.console() != null);
    }

    @Override
    public void onProgress(IngestProgress progress) {
        last = progress;
        long now = System.nanoTime();
        if (enabled && now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
            lastDrawNanos = now;
            out.print('\r' + render(progress, (now - startNanos) / 1e9));
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    void finish() {
        if (enabled && last != null) {
            out.println('\r' + render(last, (System.nanoTime() - startNanos) / 1e9));
        }
    }

    static String render(IngestProgress progress, double elapsedSeconds) {
        double position = progress.mediaPositionSeconds();
        String counts = String.format("%,d access units, %.1f MB, media %.1f s",
                progress.packets(), progress.bytes() / 1e6, position);
        String speed = elapsedSeconds > 0 ? String.format(", %.1fx real time", position / elapsedSeconds) : "";
        if (progress.totalDurationSeconds().isEmpty() || progress.totalDurationSeconds().getAsDouble() <= 0) {
            return "ingest: " + counts + speed;
        }
        double fraction = Math.min(1.0, position / progress.totalDurationSeconds().getAsDouble());
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format("ingest [%s%s] %3.0f%% %s%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, counts, speed);
    }
}
