package io.uavstream.analytics.definition;

/**
 * Thrown when a control message or GeoJSON document does not describe valid zones and lines.
 * The message names the element (such as {@code features[2] (id "gate")}) and the field.
 */
public final class InvalidDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final String field;

    public InvalidDefinitionException(String element, String field, String problem) {
        super(element + ", field \"" + field + "\": " + problem);
        this.element = element;
        this.field = field;
    }

    public InvalidDefinitionException(String problem, Throwable cause) {
        super(problem, cause);
        this.element = "document";
        this.field = "";
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
