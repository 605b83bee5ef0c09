package io.uavstream.job.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives replay IDs, so that replaying the same input with the same model yields the same ID. */
public final class ReplayIds {

    private ReplayIds() {}

    /**
     * Returns {@code replay-} and the first 16 hex digits of the SHA-256 of the video topic, the
     * range, the drone list, the model ID and the bytes of the model file. A descriptor that only
     * changes a threshold therefore gets another ID than the original.
     *
     * <p>NOTE: the zones and lines are not part of the ID, because a client that submits to a
     * cluster derives the ID before the JobManager reads them. Two replays of one range with other
     * zones share an ID unless the caller passes one.
     *
     * @throws UncheckedIOException if the model file cannot be read
     */
    public static String derive(ReplayOptions options, String modelId) {
        MessageDigest digest = sha256();
        ReplayRange range = options.range();
        String input = options.videoTopic() + "\n" + range.fromMicros() + "\n" + range.toMicros() + "\n"
                + String.join(",", new java.util.TreeSet<>(range.droneIds())) + "\n" + modelId + "\n";
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        update(digest, options.model().resolve());
        return "replay-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void update(MessageDigest digest, Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the model file " + file + " for the replay ID", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
