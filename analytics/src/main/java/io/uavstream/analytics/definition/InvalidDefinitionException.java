package io.uavstream.analytics.definition;

/**
 * Thrown when a control message or GeoJSON document does not describe valid zones and lines.
 * The message names the element (such as {@code features[2] (id "gate")}) and the field.
 */
public final class InvalidDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final String field;
    private final int line;
    private final int column;

    public InvalidDefinitionException(String element, String field, String problem) {
        super(element + ", field \"" + field + "\": " + problem);
        this.element = element;
        this.field = field;
        this.line = 0;
        this.column = 0;
    }

    public InvalidDefinitionException(String problem, Throwable cause) {
        super(problem, cause);
        this.element = "document";
        this.field = "";
        this.line = 0;
        this.column = 0;
    }

    /** Creates an error for malformed JSON at a 1-based line and column of the document. */
    public InvalidDefinitionException(int line, int column, String problem, Throwable cause) {
        super("Invalid JSON at line " + line + ", column " + column + ": " + problem, cause);
        this.element = "document";
        this.field = "";
        this.line = line;
        this.column = column;
    }

    /** Returns the 1-based line of a JSON syntax error, or 0 when the error is not a syntax error. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of a JSON syntax error, or 0 when the error is not a syntax error. */
    public int column() {
        return column;
    }

    /** Returns the element that is invalid, such as {@code zones[0] (id "z1")} or {@code document}. */
    public String element() {
        return element;
    }

    /** Returns the JSON path of the invalid field inside the element, such as {@code properties.drone}. */
    public String field() {
        return field;
    }
}
