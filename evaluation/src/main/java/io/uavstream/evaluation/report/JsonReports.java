package io.uavstream.evaluation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Builds the JSON documents of evaluation results: the metric kind, the settings and the rows. */
public final class JsonReports {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    /** Returns an empty object to fill with the settings of an evaluation. */
    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /**
     * Returns {@code {"metric": kind, "config": config, "rows": [...]}} as indented JSON.
     */
    public static String render(String kind, ObjectNode config, MetricTable table) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("metric", kind);
        document.set("config", config);
        document.set("rows", table.toJson());
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes, so a failure here is a Jackson bug.
            throw new UncheckedIOException("Failed to write the " + kind + " report as JSON", e);
        }
    }
}
