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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares the raw output of the bundled model under ONNX Runtime with the PyTorch output that
 * models/training/export.py wrote for the same input: the pattern (67c + 7y + 13x) mod 256 in
 * BGR pixel units.
 */
class UavDetOutputTest {

    private static final String REFERENCE = "default/uavdet-416-reference.txt";
    private static final int SIZE = 416;
    private static final int ROW_LENGTH = 12;

    @TempDir
    Path cache;

    private static Map<Integer, float[]> readReference() throws IOException {
        Map<Integer, float[]> rows = new LinkedHashMap<>();
        try (InputStream in = UavDetOutputTest.class.getResourceAsStream(REFERENCE)) {
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

    @Test
    void onnxRuntimeMatchesPyTorchRows() throws IOException, OrtException {
        Map<Integer, float[]> reference = readReference();
        ModelDescriptor descriptor = ModelDescriptor.read(DefaultModel.extractTo(cache));
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
