package io.uavstream.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uavstream.models.BgrImage;
import io.uavstream.schemas.DeadLetter;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TypeInformationTest {

    @Test
    void packetRecordSurvivesSerialization() throws IOException {
        PacketOrDeadLetter record = PacketOrDeadLetter.ofPacket(TestPackets.packet("drone-1", 5), "topic", 3, 99, 1234);

        assertThat(roundTrip(TypeInformation.of(PacketOrDeadLetter.class), record)).isEqualTo(record);
    }

    @Test
    void packetWithoutTopicSurvivesSerialization() throws IOException {
        PacketOrDeadLetter record = PacketOrDeadLetter.ofPacket(TestPackets.packet("drone-1", 5), null, -1, -1, -1);

        assertThat(roundTrip(PacketOrDeadLetterTypeInfo.INSTANCE, record)).isEqualTo(record);
    }

    @Test
    void deadLetterRecordSurvivesSerialization() throws IOException {
        PacketOrDeadLetter record = PacketOrDeadLetter.ofDeadLetter(deadLetter(), 77);

        assertThat(roundTrip(PacketOrDeadLetterTypeInfo.INSTANCE, record)).isEqualTo(record);
    }

    @Test
    void avroRecordSurvivesSerialization() throws IOException {
        DeadLetter deadLetter = deadLetter();

        assertThat(roundTrip(AvroRecordTypeInfo.forClass(DeadLetter.class), deadLetter)).isEqualTo(deadLetter);
    }

    @Test
    void avroRecordCopyIsEqual() {
        DeadLetter deadLetter = deadLetter();
        TypeSerializer<DeadLetter> serializer = AvroRecordTypeInfo.forClass(DeadLetter.class)
                .createSerializer(new SerializerConfigImpl());

        DeadLetter copy = serializer.copy(deadLetter);

        assertThat(copy).isEqualTo(deadLetter).isNotSameAs(deadLetter);
    }

    @Test
    void decodedFrameSerializerRejectsCopies() {
        TypeSerializer<DecodedVideoFrame> serializer = DecodedVideoFrameTypeInfo.INSTANCE
                .createSerializer(new SerializerConfigImpl());
        DecodedVideoFrame frame = new DecodedVideoFrame("d", "s", 0, 0, 0, null, null, new BgrImage(1, 1, new byte[3]));

        assertThatThrownBy(() -> serializer.serialize(frame, new DataOutputSerializer(16)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("must not be copied or serialized");
        assertThatThrownBy(() -> serializer.copy(frame))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("object reuse");
    }

    @Test
    void analysedFrameSurvivesSerialization() throws IOException {
        AnalysedFrame frame = TrackScene.frames("s1", 2).get(1);

        AnalysedFrame copy = roundTrip(AnalysedFrameTypeInfo.INSTANCE, frame);

        assertThat(copy).isEqualTo(frame);
        assertThat(copy.cameraMotion()).isPresent();
    }

    @Test
    void analysedFrameWithoutMotionSurvivesSerialization() throws IOException {
        AnalysedFrame frame = TrackScene.frames("s1", 1).get(0);

        assertThat(roundTrip(AnalysedFrameTypeInfo.INSTANCE, frame)).isEqualTo(frame);
    }

    private static DeadLetter deadLetter() {
        return DeadLetter.newBuilder().setSourceTopic("t").setSourcePartition(1).setSourceOffset(2)
                .setDroneId("drone-1").setReason("bad").setErrorType(DeadLetterErrors.MALFORMED_RECORD)
                .setRecordKey(null).setRecordValue(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setFailedAtMicros(Instant.now().truncatedTo(ChronoUnit.MICROS)).build();
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
