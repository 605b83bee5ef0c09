package io.uavstream.sinks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * Base of the JSON-lines encoders: each record becomes one JSON object in UTF-8 followed by a
 * newline. The part file belongs to Flink's file sink, so the encoder neither closes nor flushes it.
 */
abstract class JsonLinesEncoder<T> implements Encoder<T> {
    private static final long serialVersionUID = 1L;

    private transient JsonFactory jsonFactory;

    @Override
    public final void encode(T record, OutputStream stream) throws IOException {
        try (JsonGenerator json = jsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            writeRecord(json, record);
        }
        stream.write('\n');
    }

    /** Writes {@code record} as one JSON object. */
    abstract void writeRecord(JsonGenerator json, T record) throws IOException;

    /** Returns {@code instant} in UTC microseconds since the epoch. */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private JsonFactory jsonFactory() {
        if (jsonFactory == null) {
            jsonFactory = JsonFactory.builder()
                    .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                    .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                    .build();
        }
        return jsonFactory;
    }
}
