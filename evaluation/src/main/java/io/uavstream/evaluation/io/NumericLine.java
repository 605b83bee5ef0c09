package io.uavstream.evaluation.io;

import java.util.regex.Pattern;

/**
 * The numeric fields of one text line, separated by commas (with optional spaces) or, when the
 * line has no comma, by whitespace. Parse errors name the source, the line and the column.
 */
final class NumericLine {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String source;
    private final int lineNumber;
    private final String[] fields;

    NumericLine(String source, int lineNumber, String line) {
        this.source = source;
        this.lineNumber = lineNumber;
        String trimmed = line.strip();
        this.fields = (trimmed.indexOf(',') >= 0 ? COMMA : WHITESPACE).split(trimmed, -1);
    }

    int fieldCount() {
        return fields.length;
    }

    MalformedFileException error(String problem) {
        return new MalformedFileException(source, lineNumber, problem);
    }

    /** Parses a finite number in column {@code index} (0-based). */
    double finiteAt(int index, String name) throws MalformedFileException {
        String field = fields[index];
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw error("column " + (index + 1) + " (" + name + ") is not a number: '" + field + "'");
        }
        if (!Double.isFinite(value)) {
            throw error("column " + (index + 1) + " (" + name + ") must be finite, got '" + field + "'");
        }
        return value;
    }

    /** Parses an integer in column {@code index}. A whole decimal such as {@code 3.0} is accepted. */
    int integerAt(int index, String name) throws MalformedFileException {
        double value = finiteAt(index, name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw error("column " + (index + 1) + " (" + name + ") must be an integer, got '" + fields[index] + "'");
        }
        return (int) value;
    }
}
