package io.uavstream.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a stop action on SIGINT (Ctrl-C) and SIGTERM before the JVM starts its shutdown hooks,
 * then exits with 128 plus the signal number, as shells report a process ended by a signal.
 *
 * <p>A shutdown hook alone is not enough for a running pipeline: ONNX Runtime's own shutdown hook
 * releases its native environment while a Flink task may still be inside a session, which can
 * crash the JVM. Stopping the job first, inside the signal handler, leaves no task in native code
 * when the hooks run. The JDK's {@code sun.misc.Signal} (module jdk.unsupported) is the only
 * standard way to handle signals in Java.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private StopSignals() {}

    /** Installs handlers that run {@code stop} once, then exit. */
    static void onInterruptOrTerminate(Runnable stop) {
        onInterruptOrTerminate(stop, () -> {});
    }

    /**
     * Installs handlers for a stop in two steps. The first signal runs {@code drain}, which may
     * block until the work has wound down, then exits. A second signal while {@code drain} runs
     * calls {@code abort} and exits at once, for a user who does not want to wait.
     */
    static void onInterruptOrTerminate(Runnable drain, Runnable abort) {
        AtomicInteger received = new AtomicInteger();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        LOG.info("Received SIG{}: stopping (send it again to abort without waiting)", signal.getName());
                        drain.run();
                    } else {
                        LOG.warn("Received SIG{} again: aborting", signal.getName());
                        abort.run();
                    }
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // The JVM reserves the signal (for example when started with -Xrs): hooks still run.
                LOG.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
    }
}
