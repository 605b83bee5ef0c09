package io.uavstream.cli.embedded;

/** Raised by {@link EmbeddedRun#execute} when {@link EmbeddedRun#close} stopped the run, for example on Ctrl-C. */
public final class RunStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
