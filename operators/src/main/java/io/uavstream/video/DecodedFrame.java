package io.uavstream.video;

import io.uavstream.models.BgrImage;
import java.util.Objects;

/**
 * One decoded picture in presentation order.
 *
 * @param image the picture as packed BGR24, in a pixel array that belongs to this frame alone
 * @param ptsMicros presentation timestamp in microseconds, taken from the access unit that carried
 *     the picture (FFmpeg's best-effort timestamp where the decoder gives none)
 * @param integrity whether the picture can be trusted
 */
public record DecodedFrame(BgrImage image, long ptsMicros, FrameIntegrity integrity) {

    public DecodedFrame {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(integrity, "integrity");
    }

    /** Returns whether the frame was found damaged. */
    public boolean corrupt() {
        return integrity.isCorrupt();
    }

    /** Returns a copy of this frame with another integrity verdict. */
    DecodedFrame withIntegrity(FrameIntegrity newIntegrity) {
        return new DecodedFrame(image, ptsMicros, newIntegrity);
    }
}
