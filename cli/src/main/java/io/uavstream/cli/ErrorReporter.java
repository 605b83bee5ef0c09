package io.uavstream.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one line for the user and logs the stack trace at debug
 * level, so that expected failures (a missing file, an invalid option) do not look like crashes.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    /** Exit code of a command that failed at run time (picocli uses 2 for invalid usage). */
    static final int EXIT_FAILED = 1;

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parsed) {
        LOG.debug("Command failed", error);
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(error));
        return EXIT_FAILED;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        Throwable cause = error.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            return describe(cause);
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
