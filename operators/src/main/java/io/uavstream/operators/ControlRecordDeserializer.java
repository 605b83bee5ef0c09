package io.uavstream.operators;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads analytics control-topic records into {@link ControlRecord}s without checking them, so
 * that no record can fail the source; {@link ControlParseFunction} checks them downstream.
 */
public final class ControlRecordDeserializer implements KafkaRecordDeserializationSchema<ControlRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ControlRecord> out) {
        String droneId = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        out.collect(new ControlRecord(droneId, record.value(), record.topic(), record.partition(), record.offset(),
                record.timestamp()));
    }

    @Override
    public TypeInformation<ControlRecord> getProducedType() {
        return Types.POJO(ControlRecord.class);
    }
}
