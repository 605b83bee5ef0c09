package io.uavstream.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the evolution rule of docs/schemas.md: the current reader schema of every record type
 * reads records written with every released schema, kept under {@code schema-history/vN/}.
 */
class SchemaEvolutionTest {

    /**
     * Released schema versions, oldest first. Add the new folder here when releasing a change. A
     * folder holds the schemas that the release added or changed.
     */
    private static final List<String> RELEASES = List.of("v1", "v2", "v3", "v4");

    private static final List<Class<? extends SpecificRecord>> RECORD_TYPES =
            List.of(VideoPacket.class, FrameDetections.class, DeadLetter.class, TrackEvent.class,
                    AnalyticsEvent.class);

    static Stream<Arguments> releasedSchemas() {
        return RELEASES.stream().flatMap(release -> RECORD_TYPES.stream()
                .filter(type -> isReleased(release, type.getSimpleName()))
                .map(type -> Arguments.of(release, type)));
    }

    @Test
    void everyRecordTypeHasRelease() {
        for (Class<? extends SpecificRecord> type : RECORD_TYPES) {
            assertThat(RELEASES.stream().anyMatch(release -> isReleased(release, type.getSimpleName())))
                    .as("a schema-history folder holds %s", type.getSimpleName())
                    .isTrue();
        }
    }

    @Test
    void firstReleaseDetectionsHaveNoTrackId() throws IOException {
        Schema writer = released("v1", "FrameDetections");
        GenericRecord old = sampleRecord(writer);

        FrameDetections decoded = (FrameDetections) decodeWithCurrentReader(
                FrameDetections.class, writer, encode(writer, old));

        assertThat(decoded.getBoxes()).hasSize(1);
        assertThat(decoded.getBoxes().get(0).getTrackId()).isNull();
    }

    @Test
    void trackEventRoundTripsThroughCodec() {
        TrackEvent event = TrackEvent.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("s1")
                .setEventType(TrackEventType.ENDED)
                .setTrackId(12)
                .setClassId(2)
                .setClassName("car")
                .setFrameSequence(40)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:04Z"))
                .setScore(0.75f)
                .setBox(new TrackBox(10f, 20f, 60f, 50f))
                .setSummary(new TrackSummary(3.9, 40, 0.7f, 125.5, 30f, 40f, 35f, 35f))
                .build();
        AvroCodec<TrackEvent> codec = AvroCodec.of(TrackEvent.class);

        TrackEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void analyticsEventRoundTripsThroughCodec() {
        AnalyticsEvent event = AnalyticsEvent.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("s1")
                .setEventType(AnalyticsEventType.ZONE_EXITED)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:09Z"))
                .setFrameSequence(90)
                .setZoneId("yard")
                .setTrackId(12L)
                .setClassName("car")
                .setPixelX(320f)
                .setPixelY(400f)
                .setPosition(new GeoPosition(47.3769, 8.5417, 408.0))
                .setExit(new ZoneExit(Instant.parse("2026-01-01T00:00:04Z"), Instant.parse("2026-01-01T00:00:08Z"),
                        4.0, ZoneExitCause.LEFT_ZONE))
                .setReplayId("replay-0123456789abcdef")
                .setModelId("uavdet-416")
                .build();
        AvroCodec<AnalyticsEvent> codec = AvroCodec.of(AnalyticsEvent.class);

        AnalyticsEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void classCountsRoundTripThroughCodec() {
        AnalyticsEvent event = AnalyticsEvent.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("s1")
                .setEventType(AnalyticsEventType.CLASS_COUNTS)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:01:00Z"))
                .setFrameSequence(600)
                .setCounts(new ClassCounts(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"),
                        Map.of("car", 3, "person", 5)))
                .build();
        AvroCodec<AnalyticsEvent> codec = AvroCodec.of(AnalyticsEvent.class);

        AnalyticsEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded.getCounts().getTracksPerClass()).containsExactlyInAnyOrderEntriesOf(Map.of("car", 3, "person", 5));
    }

    @ParameterizedTest(name = "{1} reads {0}")
    @MethodSource("releasedSchemas")
    void currentReaderIsCompatibleWithRelease(String release, Class<? extends SpecificRecord> type)
            throws IOException {
        Schema writer = released(release, type.getSimpleName());
        Schema reader = currentSchema(type);

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);

        assertThat(result.getType())
                .as("%s of %s: %s", type.getSimpleName(), release, result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{1} decodes a {0} record")
    @MethodSource("releasedSchemas")
    void currentCodecDecodesReleasedRecord(String release, Class<? extends SpecificRecord> type)
            throws IOException {
        Schema writer = released(release, type.getSimpleName());
        GenericRecord old = sampleRecord(writer);

        SpecificRecord decoded = decodeWithCurrentReader(type, writer, encode(writer, old));

        assertThat(decoded.get(decoded.getSchema().getField(firstFieldName(writer)).pos()))
                .hasToString(String.valueOf(old.get(0)));
    }

    @Test
    void newFieldWithoutDefaultIsRejected() {
        Schema current = currentSchema(VideoPacket.class);
        String withNewField = current.toString().replaceFirst(
                "\"fields\":\\[", "\"fields\":[{\"name\":\"altitudeMetres\",\"type\":\"double\"},");
        Schema reader = new Schema.Parser().parse(withNewField);

        SchemaCompatibilityType type =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, current).getType();

        assertThat(type).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void videoPacketRoundTripsThroughCodec() {
        VideoPacket packet = VideoPacket.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("s1")
                .setSequence(42)
                .setPtsMicros(1_400_000)
                .setDtsMicros(1_366_667)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:00Z"))
                .setKeyframe(true)
                .setCodec("h264")
                .setWidth(1280)
                .setHeight(720)
                .setCodecConfig(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x67}))
                .setAccessUnit(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x65, 1, 2, 3}))
                .build();
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);

        VideoPacket decoded = codec.decode(codec.encode(packet));

        assertThat(decoded).isEqualTo(packet);
    }

    @Test
    void firstReleasePacketsHaveNoTelemetry() throws IOException {
        Schema writer = released("v1", "VideoPacket");
        GenericRecord old = sampleRecord(writer);

        VideoPacket decoded = (VideoPacket) decodeWithCurrentReader(VideoPacket.class, writer, encode(writer, old));

        assertThat(decoded.getTelemetry()).isNull();
    }

    @Test
    void packetTelemetryRoundTripsThroughCodec() {
        FlightTelemetry telemetry = FlightTelemetry.newBuilder()
                .setSampleTimeMicros(Instant.parse("2026-01-01T00:00:00.100Z"))
                .setSensorLatitudeDegrees(47.3769)
                .setSensorLongitudeDegrees(8.5417)
                .setSensorEllipsoidHeightMetres(488.0)
                .setHeightAboveGroundMetres(80.0)
                .setCameraAttitude(new CameraAttitude(0.0, 1.0, 0.0, 0.0))
                .build();
        VideoPacket packet = VideoPacket.newBuilder()
                .setDroneId("drone-7")
                .setSessionId("s1")
                .setSequence(1)
                .setPtsMicros(100_000)
                .setDtsMicros(100_000)
                .setCaptureTimeMicros(Instant.parse("2026-01-01T00:00:00.100Z"))
                .setKeyframe(false)
                .setCodec("h264")
                .setWidth(640)
                .setHeight(480)
                .setAccessUnit(ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0x41}))
                .setTelemetry(telemetry)
                .build();
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);

        VideoPacket decoded = codec.decode(codec.encode(packet));

        assertThat(decoded.getTelemetry()).isEqualTo(telemetry);
        assertThat(decoded.getTelemetry().getPlatformHeadingDegrees()).isNull();
    }

    @Test
    void codecRejectsGarbageBytes() {
        AvroCodec<VideoPacket> codec = AvroCodec.of(VideoPacket.class);

        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xff, 0x13, 0x37}))
                .isInstanceOf(AvroCodec.InvalidRecordException.class)
                .hasMessageContaining("VideoPacket");
    }

    private static boolean isReleased(String release, String name) {
        return SchemaEvolutionTest.class.getResource("/schema-history/" + release + "/" + name + ".avsc") != null;
    }

    private static Schema released(String release, String name) throws IOException {
        String resource = "/schema-history/" + release + "/" + name + ".avsc";
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("released schema %s", resource).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }

    private static Schema currentSchema(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String firstFieldName(Schema schema) {
        return schema.getFields().get(0).name();
    }

    /** Builds a record of {@code schema} with a sample value in every field. */
    private static GenericRecord sampleRecord(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), sampleValue(field.schema(), field.name()));
        }
        return record;
    }

    private static Object sampleValue(Schema schema, String name) {
        return switch (schema.getType()) {
            case STRING -> "sample-" + name;
            case LONG -> 7L;
            case INT -> 3;
            case FLOAT -> 0.5f;
            case DOUBLE -> 0.25;
            case BOOLEAN -> true;
            case BYTES -> ByteBuffer.wrap(new byte[] {1, 2, 3});
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case UNION -> sampleValue(schema.getTypes().get(schema.getTypes().size() - 1), name);
            case ARRAY -> List.of(sampleValue(schema.getElementType(), name));
            case MAP -> Map.of("sample-key", sampleValue(schema.getValueType(), name));
            case RECORD -> sampleRecord(schema);
            default -> throw new AssertionError("No sample for " + schema.getType());
        };
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SpecificRecord decodeWithCurrentReader(
            Class<? extends SpecificRecord> type, Schema writer, byte[] bytes) throws IOException {
        SpecificDatumReader<SpecificRecord> reader =
                new SpecificDatumReader<>(writer, currentSchema(type));
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
