package io.uavstream.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the raw output of each bundled UavDet under ONNX Runtime with the PyTorch output that
 * models/training/export.py wrote for the same input: the pattern (67c + 7y + 13x) mod 256 in
 * BGR pixel units. The rows of model {@code <id>} are in {@code default/<id>-reference.txt}.
 */
class UavDetOutputTest {

    private static final int SIZE = 416;
    private static final int ROW_LENGTH = 12;

    @TempDir
    Path cache;

    private static Map<Integer, float[]> readReference(String modelId) throws IOException {
        Map<Integer, float[]> rows = new LinkedHashMap<>();
        String reference = "default/" + modelId + "-reference.txt";
        try (InputStream in = UavDetOutputTest.class.getResourceAsStream(reference)) {
            assertThat(in).as("test resource %s", reference).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                float[] values = new float[ROW_LENGTH];
                for (int i = 0; i < ROW_LENGTH; i++) {
                    values[i] = Float.parseFloat(fields[i + 1]);
                }
                rows.put(Integer.parseInt(fields[0]), values);
            }
        }
        return rows;
    }

    private static FloatBuffer pattern() {
        FloatBuffer pixels = FloatBuffer.allocate(3 * SIZE * SIZE);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    pixels.put((67 * c + 7 * y + 13 * x) % 256);
                }
            }
        }
        return pixels.flip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uavdet-416", "uavdet-416-pruned"})
    void onnxRuntimeMatchesPyTorchRows(String modelId) throws IOException, OrtException {
        Map<Integer, float[]> reference = readReference(modelId);
        ModelDescriptor descriptor = ModelDescriptor.read(BundledModels.extractTo(modelId, cache));
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[][][] output;
        try (OrtSession session = environment.createSession(descriptor.modelPath().toString());
                OnnxTensor input = OnnxTensor.createTensor(environment, pattern(),
                        new long[] {1, 3, SIZE, SIZE});
                OrtSession.Result result = session.run(Map.of("images", input))) {
            output = (float[][][]) result.get(0).getValue();
        }

        assertThat(output[0]).hasNumberOfRows(3549);
        assertThat(reference).hasSizeGreaterThan(40);
        reference.forEach((row, expected) -> {
            for (int i = 0; i < ROW_LENGTH; i++) {
                float tolerance = 1e-3f * Math.max(1f, Math.abs(expected[i]));
                assertThat(output[0][row][i]).as("row %d value %d", row, i)
                        .isCloseTo(expected[i], within(tolerance));
            }
        });
    }
}
