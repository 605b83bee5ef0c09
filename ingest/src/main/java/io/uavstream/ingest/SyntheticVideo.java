package io.uavstream.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes deterministic test clips: a textured background scrolling diagonally with three solid
 * rectangles bouncing across it, painted in Java as BGR24 frames and encoded with FFmpeg.
 *
 * <pre>{@code
 * Path clip = SyntheticVideo.builder().frames(60).size(320, 240).fps(10).gop(10).write(dir.resolve("clip.ts"));
 * }</pre>
 *
 * <p>Encoders: the JavaCV FFmpeg 8.0.1-1.5.13 build for linux-x86_64 is the LGPL build (configured
 * with {@code --enable-libopenh264}, without {@code --enable-gpl}). For H.264 it has {@code
 * libopenh264}, linked into libavcodec, but not {@code libx264}, and it has no software H.265
 * encoder. {@link Codec#H264} therefore encodes with libopenh264, which emits only I and P frames,
 * so PTS equals DTS.
 *
 * <p>Every frame is encoded (no frame skipping), keyframes fall exactly on multiples of the GOP
 * size, and the pictures depend only on the frame index and size.
 */
public final class SyntheticVideo {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticVideo.class);

    /** Video codecs that the LGPL FFmpeg build can encode in software. */
    public enum Codec {
        /** H.264 through libopenh264, without B-frames. */
        H264("libopenh264"),
        /** MPEG-4 Part 2 through FFmpeg's native encoder, without B-frames. */
        MPEG4("mpeg4");

        private final String encoderName;

        Codec(String encoderName) {
            this.encoderName = encoderName;
        }

        /** Returns the FFmpeg encoder name, for example {@code libopenh264}. */
        public String encoderName() {
            return encoderName;
        }

        /** Returns whether the loaded FFmpeg build has this encoder. */
        public boolean isAvailable() {
            AVCodec encoder = avcodec.avcodec_find_encoder_by_name(encoderName);
            return encoder != null && !encoder.isNull();
        }
    }

    /** Container formats; the FFmpeg muxer name is the lower-case constant name. */
    public enum Container {
        /** MPEG transport stream, as drones stream it. */
        MPEGTS,
        /** MP4, with the index (moov box) at the start of the file. */
        MP4;

        String muxerName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int frames;
    private final int width;
    private final int height;
    private final int fps;
    private final int gop;
    private final Codec codec;
    private final Container container;
    private final int bitrate;

    private SyntheticVideo(Builder builder) {
        this.frames = builder.frames;
        this.width = builder.width;
        this.height = builder.height;
        this.fps = builder.fps;
        this.gop = builder.gop;
        this.codec = builder.codec;
        this.container = builder.container;
        this.bitrate = builder.bitrate > 0 ? builder.bitrate : defaultBitrate(builder.width, builder.height, builder.fps);
    }

    /** Returns a builder with 60 frames of 320x240 at 10 fps, GOP 10, H.264 if available, MPEG-TS. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns H.264 when the loaded FFmpeg build has libopenh264, otherwise MPEG-4 Part 2. */
    public static Codec defaultCodec() {
        return Codec.H264.isAvailable() ? Codec.H264 : Codec.MPEG4;
    }

    private void write(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SyntheticFramePainter painter = new SyntheticFramePainter(width, height);
        Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
        byte[] pixels = new byte[frame.imageStride * height];

        try (FFmpegFrameRecorder recorder = createRecorder(target)) {
            recorder.start();
            for (int index = 0; index < frames; index++) {
                painter.paint(index, pixels, frame.imageStride);
                ByteBuffer image = (ByteBuffer) frame.image[0];
                image.clear();
                image.put(pixels);
                recorder.setFrameNumber(index);
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } finally {
            frame.close();
        }
        LOG.info("Wrote synthetic clip {}: {} frames of {}x{} at {} fps, GOP {}, {} in {}",
                target, frames, width, height, fps, gop, codec.encoderName(), container.muxerName());
    }

    private FFmpegFrameRecorder createRecorder(Path target) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), width, height, 0);
        recorder.setFormat(container.muxerName());
        recorder.setVideoCodecName(codec.encoderName());
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setGopSize(gop);
        recorder.setMaxBFrames(0);
        recorder.setVideoBitrate(bitrate);
        // One encoder thread and no scene-change keyframes keep the output the same on every
        // machine and the keyframes on GOP boundaries.
        recorder.setVideoOption("threads", "1");
        if (codec == Codec.MPEG4) {
            recorder.setVideoOption("sc_threshold", "1000000000");
        }
        if (container == Container.MP4) {
            recorder.setOption("movflags", "faststart");
        }
        return recorder;
    }

    /** About 0.2 bits per pixel, enough for the flat rectangles and the texture to stay sharp. */
    private static int defaultBitrate(int width, int height, int fps) {
        long bitsPerSecond = (long) width * height * fps / 5;
        return (int) Math.max(64_000, Math.min(Integer.MAX_VALUE, bitsPerSecond));
    }

    /** Settings of a synthetic clip, validated as they are set. */
    public static final class Builder {
        private int frames = 60;
        private int width = 320;
        private int height = 240;
        private int fps = 10;
        private int gop = 10;
        private Codec codec = defaultCodec();
        private Container container = Container.MPEGTS;
        private int bitrate;

        private Builder() {}

        /** Sets the number of frames; at least 1. */
        public Builder frames(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("frames must be at least 1, got " + frames);
            }
            this.frames = frames;
            return this;
        }

        /** Sets the frame size in pixels; both even (4:2:0 chroma) and at least 16. */
        public Builder size(int width, int height) {
            checkDimension("width", width);
            checkDimension("height", height);
            this.width = width;
            this.height = height;
            return this;
        }

        /** Sets the frame rate in frames per second; 1 to 240. */
        public Builder fps(int fps) {
            if (fps < 1 || fps > 240) {
                throw new IllegalArgumentException("fps must be between 1 and 240, got " + fps);
            }
            this.fps = fps;
            return this;
        }

        /** Sets the GOP size: the number of frames from one keyframe to the next; at least 1. */
        public Builder gop(int gop) {
            if (gop < 1) {
                throw new IllegalArgumentException("gop must be at least 1, got " + gop);
            }
            this.gop = gop;
            return this;
        }

        /**
         * Sets the codec.
         *
         * @throws IllegalArgumentException if the loaded FFmpeg build lacks its encoder
         */
        public Builder codec(Codec codec) {
            Objects.requireNonNull(codec, "codec");
            if (!codec.isAvailable()) {
                throw new IllegalArgumentException("FFmpeg encoder " + codec.encoderName()
                        + " is not in this FFmpeg build; use " + Codec.MPEG4 + " instead");
            }
            this.codec = codec;
            return this;
        }

        /** Sets the container format. */
        public Builder container(Container container) {
            this.container = Objects.requireNonNull(container, "container");
            return this;
        }

        /** Sets the target bitrate in bits per second; by default about 0.2 bits per pixel. */
        public Builder bitrate(int bitsPerSecond) {
            if (bitsPerSecond < 1) {
                throw new IllegalArgumentException("bitrate must be positive, got " + bitsPerSecond);
            }
            this.bitrate = bitsPerSecond;
            return this;
        }

        /**
         * Encodes the clip into {@code target}, replacing any existing file, and returns {@code target}.
         *
         * @throws IOException if the file cannot be written or FFmpeg fails to encode
         */
        public Path write(Path target) throws IOException {
            Objects.requireNonNull(target, "target");
            new SyntheticVideo(this).write(target);
            return target;
        }

        private static void checkDimension(String name, int value) {
            if (value < 16 || value % 2 != 0) {
                throw new IllegalArgumentException(name + " must be even and at least 16, got " + value);
            }
        }
    }
}
