package io.uavstream.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class AvroKafkaSinkBuilderTest {

    @Test
    void buildRequiresBootstrapServers() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections()
                        .setTransactionalIdPrefix("test")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void exactlyOnceRequiresTransactionalIdPrefix() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections()
                        .setBootstrapServers("127.0.0.1:9092")
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transactionalIdPrefix");
    }

    @Test
    void atLeastOnceBuildsWithoutPrefix() {
        assertThat(AvroKafkaSinkBuilder.forDeadLetters()
                        .setBootstrapServers("127.0.0.1:9092")
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build())
                .isNotNull();
    }

    @Test
    void blankTopicIsRejected() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections().setTopic(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic");
    }

    @Test
    void transactionTimeoutOverBrokerMaxIsRejected() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections()
                        .setTransactionTimeout(Duration.ofMinutes(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void zeroTransactionTimeoutIsRejected() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections()
                        .setTransactionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transactionTimeout");
    }

    @Test
    void ownedProducerSettingIsRejected() {
        assertThatThrownBy(() -> AvroKafkaSinkBuilder.forDetections()
                        .setProperty("transaction.timeout.ms", "1000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction.timeout.ms");
    }
}
