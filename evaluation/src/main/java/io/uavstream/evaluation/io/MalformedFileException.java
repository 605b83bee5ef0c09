package io.uavstream.evaluation.io;

import java.io.IOException;

/** Raised when a line of a MOTChallenge or TUM file cannot be parsed. */
public class MalformedFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int lineNumber;

    public MalformedFileException(String source, int lineNumber, String problem) {
        super(source + ":" + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** Name of the file or stream, as given to the reader. */
    public String source() {
        return source;
    }

    /** 1-based number of the line that failed to parse. */
    public int lineNumber() {
        return lineNumber;
    }
}
