package io.uavstream.cluster.rest;

import java.util.List;

/**
 * Failure of a request to Flink's REST API that got an error status from the JobManager. The
 * message names the request and the status, and carries the first line of each error Flink
 * reported. For a failed job submission, it starts with the message of the innermost
 * {@code Caused by:} line, which usually names what went wrong in the job's {@code main}.
 */
public final class FlinkRestException extends RuntimeException {

    private final int statusCode;
    private final List<String> errors;

    FlinkRestException(String request, int statusCode, List<String> errors) {
        super(describe(request, statusCode, errors));
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
    }

    /** Returns the HTTP status code of the response. */
    public int statusCode() {
        return statusCode;
    }

    /** Returns the errors as Flink reported them, with stack traces where it sent any. */
    public List<String> errors() {
        return errors;
    }

    /**
     * Puts the job's own message first: the innermost {@code Caused by:} line without its
     * exception class, where Flink sent one. The request, the status and Flink's first error line
     * follow in parentheses.
     */
    private static String describe(String request, int statusCode, List<String> errors) {
        StringBuilder cause = new StringBuilder();
        StringBuilder flinkErrors = new StringBuilder();
        for (String error : errors) {
            List<String> lines = error.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            flinkErrors.append(": ").append(lines.get(0));
            lines.stream()
                    .filter(line -> line.startsWith("Caused by:"))
                    .reduce((first, second) -> second)
                    .filter(line -> !line.equals(lines.get(0)))
                    .filter(line -> cause.isEmpty())
                    .ifPresent(line -> cause.append(withoutExceptionClass(line)));
        }
        String failure = request + " failed with HTTP " + statusCode + flinkErrors;
        return cause.isEmpty() ? failure : cause + " (" + failure + ")";
    }

    /** Turns {@code Caused by: a.b.SomeException: text} into {@code text}; keeps a line without text. */
    private static String withoutExceptionClass(String causedBy) {
        String rest = causedBy.substring("Caused by:".length()).strip();
        int separator = rest.indexOf(": ");
        boolean classPrefix = separator > 0 && rest.substring(0, separator).matches("[\\w.$]+");
        return classPrefix ? rest.substring(separator + 2) : rest;
    }
}
