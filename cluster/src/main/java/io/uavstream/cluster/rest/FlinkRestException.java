package io.uavstream.cluster.rest;

import java.util.List;

/**
 * Failure of a request to Flink's REST API that got an error status from the JobManager. The
 * message names the request and the status, and carries the first line of each error Flink
 * reported. For a failed job submission, it also carries the innermost {@code Caused by:} line,
 * which usually names what went wrong in the job's {@code main}.
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

    private static String describe(String request, int statusCode, List<String> errors) {
        StringBuilder message = new StringBuilder(request).append(" failed with HTTP ").append(statusCode);
        for (String error : errors) {
            List<String> lines = error.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            message.append(": ").append(lines.get(0));
            lines.stream()
                    .filter(line -> line.startsWith("Caused by:"))
                    .reduce((first, second) -> second)
                    .filter(cause -> !cause.equals(lines.get(0)))
                    .ifPresent(cause -> message.append(" (").append(cause).append(')'));
        }
        return message.toString();
    }
}
