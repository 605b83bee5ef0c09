package io.uavstream.simulator.output;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.uavstream.ingest.SyntheticVideo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes BGR24 frames to H.264 in an MPEG transport stream with JavaCV's {@link
 * FFmpegFrameRecorder}, set up as ingest's {@link SyntheticVideo} does: libopenh264 (the encoder in
 * the LGPL FFmpeg build; MPEG-4 Part 2 if a build lacks it), no B-frames, keyframes exactly every
 * GOP, one encoder thread. With one thread the output bytes depend only on the input frames.
 *
 * <p>The recorder and its frame buffer are the native resources; both are released by {@link #close()}.
 *
 * <p>TODO: mux MISB ST 0601 KLV metadata as a data stream. FFmpegFrameRecorder has no data streams,
 * so this needs a libavformat muxer of its own; telemetry.csv has the same values meanwhile.
 */
public final class VideoEncoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoEncoder.class);

    private final Path file;
    private final int width;
    private final int height;
    private final FFmpegFrameRecorder recorder;
    private final Frame frame;
    private final SyntheticVideo.Codec codec;
    private long frames;
    private boolean closed;

    /**
     * Opens the file and starts the encoder.
     *
     * @param bitrate target bitrate in bits per second
     * @throws IOException if the directory cannot be created or FFmpeg fails to start
     */
    public VideoEncoder(Path file, int width, int height, int fps, int gop, int bitrate) throws IOException {
        this.file = file;
        this.width = width;
        this.height = height;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.codec = SyntheticVideo.defaultCodec();
        this.recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mpegts");
        recorder.setVideoCodecName(codec.encoderName());
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(gop);
        recorder.setMaxBFrames(0);
        recorder.setVideoBitrate(bitrate);
        recorder.setVideoOption("threads", "1");
        if (codec == SyntheticVideo.Codec.MPEG4) {
            recorder.setVideoOption("sc_threshold", "1000000000");
        }
        this.frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            frame.close();
            recorder.release();
            throw new IOException("Failed to start the " + codec.encoderName() + " encoder for " + file, e);
        }
    }

    /** Returns the encoder in use, for example {@code libopenh264}. */
    public String encoderName() {
        return codec.encoderName();
    }

    /**
     * Encodes one frame of packed BGR24 rows, {@code 3 * width} bytes each.
     *
     * @throws IOException if FFmpeg fails to encode or write it
     */
    public void encode(byte[] bgr) throws IOException {
        ByteBuffer image = (ByteBuffer) frame.image[0];
        int rowBytes = 3 * width;
        int stride = frame.imageStride;
        for (int row = 0; row < height; row++) {
            image.position(row * stride);
            image.put(bgr, row * rowBytes, rowBytes);
        }
        image.rewind();
        try {
            recorder.setFrameNumber((int) frames);
            recorder.record(frame, AV_PIX_FMT_BGR24);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("Failed to encode frame " + frames + " into " + file, e);
        }
        frames++;
    }

    /** Flushes the encoder, finishes the file and frees the native resources. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            recorder.stop();
            recorder.release();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("Failed to finish " + file, e);
        } finally {
            frame.close();
        }
        LOG.debug("Wrote {}: {} frames of {}x{} with {}", file, frames, width, height, codec.encoderName());
    }
}
