package io.uavstream.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_OUTPUT_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BUFFER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_CAREFUL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_CRCCHECK;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Decodes the encoded access units of one video stream into BGR frames with FFmpeg's libavcodec
 * and libswscale.
 *
 * <p>H.264 and H.265 work in both stream formats: Annex B (start codes, as in MPEG-TS) and
 * length-prefixed AVCC/HVCC (as in MP4). FFmpeg selects the format from the extradata.
 *
 * <p>Each frame carries an integrity verdict. FFmpeg's own damage reports come from
 * {@code AV_FRAME_FLAG_CORRUPT} and {@code decode_error_flags}, with error recognition set to
 * {@code crccheck+bitstream+buffer+careful}. The stricter {@code aggressive} level is not used,
 * because it flags clean MPEG-4 Part 2 frames with packed B-frames (Xvid, DivX) and drops the
 * B-frames. Damage that was encoded into a valid bitstream is found by
 * {@link TransientArtefactDetector}, which delays every frame by one frame; it can be turned off.
 *
 * <p>NOTE: FFmpeg's flags are reliable only for CAVLC H.264 and MPEG-4 Part 2 in the tests. For
 * garbled CABAC slice data (H.265, H.264 Main and High) FFmpeg 8.0.1 often reports nothing, and
 * only the artefact check flags some of the damaged frames.
 *
 * <p>All native objects are allocated by {@link Builder#open()} and freed by {@link #close()}; the
 * scaling buffers follow the frame size (see {@link FrameConverter}). Instances are not
 * thread-safe.
 */
public final class PacketDecoder implements AutoCloseable {

    /** FFmpeg codec names this decoder accepts, as the demuxer reports them. */
    public static final Set<String> SUPPORTED_CODECS = Set.of("h264", "hevc", "mpeg4", "msmpeg4v3");

    /** Default maximum frame width in pixels (8K UHD). */
    public static final int DEFAULT_MAX_FRAME_WIDTH = 7680;

    /** Default maximum frame height in pixels (8K UHD). */
    public static final int DEFAULT_MAX_FRAME_HEIGHT = 4320;

    /** Codecs whose bitstream does not carry the frame size, so that the container must supply it. */
    private static final Set<String> CODECS_WITHOUT_FRAME_SIZE = Set.of("msmpeg4v3");

    /** libavutil's {@code AV_FRAME_FLAG_CORRUPT}, a macro the javacpp presets do not map. */
    private static final int AV_FRAME_FLAG_CORRUPT = 1;

    /** libavutil's {@code AV_FRAME_FLAG_KEY}, a macro the javacpp presets do not map. */
    private static final int AV_FRAME_FLAG_KEY = 1 << 1;

    /** libavutil's message when a picture exceeds {@code max_pixels}; it carries the size. */
    private static final Pattern MAX_PIXELS_MESSAGE = Pattern.compile("Picture size (\\d+)x(\\d+) exceeds");

    private static final int ERROR_RECOGNITION = AV_EF_CRCCHECK | AV_EF_BITSTREAM | AV_EF_BUFFER | AV_EF_CAREFUL;

    private final String codecName;
    private final int maxFrameWidth;
    private final int maxFrameHeight;
    private final TransientArtefactDetector artefacts;

    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame frame;
    private FrameConverter converter;

    /** Whether a damaged frame or a rejected access unit came after the last keyframe. */
    private boolean referencesDamaged;

    private PacketDecoder(Builder builder) {
        this.codecName = builder.codecName;
        this.maxFrameWidth = builder.maxFrameWidth;
        this.maxFrameHeight = builder.maxFrameHeight;
        this.artefacts = builder.artefactCheck ? new TransientArtefactDetector() : null;
        AVCodec codec = findDecoder(codecName);
        boolean sizeDeclared = builder.declaredWidth > 0 && builder.declaredHeight > 0;
        if (sizeDeclared) {
            checkFrameSize(builder.declaredWidth, builder.declaredHeight, "the stream's declared size");
        } else if (CODECS_WITHOUT_FRAME_SIZE.contains(codecName)) {
            throw new InvalidCodecConfigException(codecName + " streams do not carry their frame size, so the "
                    + "decoder needs the size the demuxer reported; got " + builder.declaredWidth + "x" + builder.declaredHeight);
        }
        FfmpegLog.install();
        try {
            openNative(codec, builder.extradata, builder.declaredWidth, builder.declaredHeight);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a decoder for streams of the FFmpeg codec {@code codecName}, for example {@code h264}. */
    public static Builder builder(String codecName) {
        return new Builder(codecName);
    }

    /**
     * Decodes one access unit.
     *
     * @param accessUnit the encoded access unit, exactly as the demuxer returned it
     * @param ptsMicros presentation timestamp in microseconds; the frame of this access unit returns it
     * @param dtsMicros decoding timestamp in microseconds
     * @return frames completed by this access unit, in presentation order: none while the decoder
     *     buffers frames for reordering or the artefact check, sometimes more than one
     * @throws InvalidAccessUnitException if FFmpeg rejects the access unit or it is empty
     * @throws FrameTooLargeException if the stream's frames exceed the maximum frame size
     */
    public List<DecodedFrame> decode(byte[] accessUnit, long ptsMicros, long dtsMicros) {
        ensureOpen();
        Objects.requireNonNull(accessUnit, "accessUnit");
        if (accessUnit.length == 0) {
            throw new InvalidAccessUnitException("Empty " + codecName + " access unit at PTS " + ptsMicros
                    + " us; FFmpeg would take it as the end of the stream, so call drain() instead");
        }
        List<DecodedFrame> frames = new ArrayList<>(2);
        int result = sendPacket(accessUnit, ptsMicros, dtsMicros);
        if (result == AVERROR_EAGAIN()) {
            receiveFrames(frames);
            result = sendPacket(accessUnit, ptsMicros, dtsMicros);
        }
        if (result < 0) {
            referencesDamaged = true;
            throw decodingFailure(result, "the access unit at PTS " + ptsMicros + " us (" + accessUnit.length + " bytes)");
        }
        receiveFrames(frames);
        return frames;
    }

    /**
     * Returns the frames still buffered at the end of a stream, and resets the decoder so that it can
     * continue with a new stream of the same codec configuration, starting at a keyframe.
     */
    public List<DecodedFrame> drain() {
        ensureOpen();
        List<DecodedFrame> frames = new ArrayList<>();
        FfmpegLog.clearLastError();
        int result = avcodec_send_packet(context, (AVPacket) null);
        if (result < 0 && result != AVERROR_EOF) {
            throw decodingFailure(result, "the end-of-stream signal");
        }
        receiveFrames(frames);
        avcodec_flush_buffers(context);
        referencesDamaged = false;
        if (artefacts != null) {
            frames.addAll(artefacts.flush());
        }
        return frames;
    }

    /** Returns the FFmpeg codec name this decoder was opened for. */
    public String codecName() {
        return codecName;
    }

    /** Frees all native objects; further calls to {@link #decode} fail. Safe to call twice. */
    @Override
    public void close() {
        if (converter != null) {
            converter.close();
            converter = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }

    private void openNative(AVCodec codec, byte[] extradata, int declaredWidth, int declaredHeight) {
        context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new OutOfMemoryError("avcodec_alloc_context3 failed for codec " + codecName);
        }
        configureContext(declaredWidth, declaredHeight);
        if (extradata != null && extradata.length > 0) {
            setExtradata(extradata);
        }

        FfmpegLog.clearLastError();
        int result = avcodec_open2(context, codec, (AVDictionary) null);
        if (result < 0) {
            throw new InvalidCodecConfigException("FFmpeg could not open the " + codecName + " decoder with "
                    + (extradata == null ? "no" : extradata.length + " bytes of") + " codec configuration: "
                    + describe(result));
        }
        if (context.width() > 0 && context.height() > 0) {
            checkFrameSize(context.width(), context.height(), "the codec configuration");
        }

        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (packet == null || frame == null) {
            throw new OutOfMemoryError("av_packet_alloc or av_frame_alloc failed");
        }
        converter = new FrameConverter();
    }

    private void configureContext(int declaredWidth, int declaredHeight) {
        if (declaredWidth > 0 && declaredHeight > 0) {
            context.width(declaredWidth);
            context.height(declaredHeight);
        }
        context.pkt_timebase(av_make_q(1, 1_000_000));
        context.err_recognition(ERROR_RECOGNITION);
        // Hand damaged frames to us so that they are counted, instead of libavcodec dropping them.
        context.flags(context.flags() | AV_CODEC_FLAG_OUTPUT_CORRUPT);
        // One thread, because frame threading would add a delay of one frame per thread.
        context.thread_count(1);
        // libavcodec rejects larger pictures before allocating them, so a hostile stream cannot
        // exhaust memory.
        context.max_pixels((long) maxFrameWidth * maxFrameHeight);
    }

    private void setExtradata(byte[] extradata) {
        Pointer memory = av_mallocz(extradata.length + AV_INPUT_BUFFER_PADDING_SIZE);
        if (memory == null || memory.isNull()) {
            throw new OutOfMemoryError("av_mallocz failed for " + extradata.length + " bytes of extradata");
        }
        BytePointer copy = new BytePointer(memory);
        copy.capacity(extradata.length).put(extradata);
        // avcodec_free_context frees the extradata along with the context.
        context.extradata(copy);
        context.extradata_size(extradata.length);
    }

    private int sendPacket(byte[] accessUnit, long ptsMicros, long dtsMicros) {
        if (av_new_packet(packet, accessUnit.length) < 0) {
            throw new OutOfMemoryError("av_new_packet failed for " + accessUnit.length + " bytes");
        }
        try {
            packet.data().capacity(accessUnit.length).put(accessUnit);
            packet.pts(ptsMicros);
            packet.dts(dtsMicros);
            FfmpegLog.clearLastError();
            return avcodec_send_packet(context, packet);
        } finally {
            av_packet_unref(packet);
        }
    }

    private void receiveFrames(List<DecodedFrame> frames) {
        while (true) {
            int result = avcodec_receive_frame(context, frame);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                return;
            }
            if (result < 0) {
                throw decodingFailure(result, "a frame");
            }
            try {
                frames.addAll(convert(frame));
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private List<DecodedFrame> convert(AVFrame decoded) {
        int width = decoded.width();
        int height = decoded.height();
        checkFrameSize(width, height, "a decoded frame");
        long pts = decoded.pts() != AV_NOPTS_VALUE ? decoded.pts() : decoded.best_effort_timestamp();
        DecodedFrame result = new DecodedFrame(converter.toBgr(decoded), pts, integrityOf(decoded));
        if (artefacts == null) {
            return List.of(result);
        }
        int[] analysis = TransientArtefactDetector.analysisSize(width, height);
        return artefacts.push(result, converter.toLuma(decoded, analysis[0], analysis[1]));
    }

    /**
     * Returns FFmpeg's verdict on the frame. Damage propagates until the next keyframe, because the
     * frames in between may predict from the damaged one.
     * NOTE: this also marks frames that are not predicted from the damaged one, such as other
     * non-reference B-frames, and misses B-frames shown before their damaged reference frame.
     */
    private FrameIntegrity integrityOf(AVFrame decoded) {
        if ((decoded.flags() & AV_FRAME_FLAG_KEY) != 0) {
            referencesDamaged = false;
        }
        if ((decoded.flags() & AV_FRAME_FLAG_CORRUPT) != 0 || decoded.decode_error_flags() != 0) {
            referencesDamaged = true;
            return FrameIntegrity.DECODER_REPORTED_DAMAGE;
        }
        return referencesDamaged ? FrameIntegrity.DAMAGED_REFERENCE : FrameIntegrity.CLEAN;
    }

    private VideoDecodingException decodingFailure(int result, String failedInput) {
        if (context.width() > maxFrameWidth || context.height() > maxFrameHeight) {
            return new FrameTooLargeException(context.width(), context.height(), maxFrameWidth, maxFrameHeight,
                    "the bitstream");
        }
        Matcher oversized = MAX_PIXELS_MESSAGE.matcher(String.valueOf(FfmpegLog.lastError()));
        if (oversized.find()) {
            return new FrameTooLargeException(Integer.parseInt(oversized.group(1)), Integer.parseInt(oversized.group(2)),
                    maxFrameWidth, maxFrameHeight, "the bitstream");
        }
        return new InvalidAccessUnitException("The " + codecName + " decoder failed on " + failedInput + ": " + describe(result));
    }

    private void checkFrameSize(int width, int height, String source) {
        if (width > maxFrameWidth || height > maxFrameHeight) {
            throw new FrameTooLargeException(width, height, maxFrameWidth, maxFrameHeight, source);
        }
    }

    private void ensureOpen() {
        if (context == null) {
            throw new IllegalStateException("The " + codecName + " decoder is closed");
        }
    }

    private static AVCodec findDecoder(String codecName) {
        Objects.requireNonNull(codecName, "codecName");
        AVCodecDescriptor descriptor = avcodec_descriptor_get_by_name(codecName);
        if (descriptor == null || descriptor.type() != AVMEDIA_TYPE_VIDEO) {
            throw new UnsupportedCodecException("Unknown video codec '" + codecName
                    + "': FFmpeg has no video codec of that name; supported codecs: " + new TreeSet<>(SUPPORTED_CODECS));
        }
        if (!SUPPORTED_CODECS.contains(codecName)) {
            throw new UnsupportedCodecException("Unsupported video codec '" + codecName
                    + "'; supported codecs: " + new TreeSet<>(SUPPORTED_CODECS));
        }
        AVCodec codec = avcodec_find_decoder(descriptor.id());
        if (codec == null) {
            throw new UnsupportedCodecException("This FFmpeg build has no decoder for codec '" + codecName + "'");
        }
        return codec;
    }

    /** Returns FFmpeg's text for an error code, with the last error FFmpeg logged on this thread. */
    private static String describe(int errorCode) {
        byte[] text = new byte[256];
        av_strerror(errorCode, text, text.length);
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        String message = new String(text, 0, length, StandardCharsets.UTF_8) + " (error " + errorCode + ")";
        String logged = FfmpegLog.lastError();
        return logged == null ? message : message + "; FFmpeg logged: " + logged;
    }

    /** Settings of a {@link PacketDecoder}, checked at once. */
    public static final class Builder {
        private final String codecName;
        private byte[] extradata;
        private int declaredWidth;
        private int declaredHeight;
        private int maxFrameWidth = DEFAULT_MAX_FRAME_WIDTH;
        private int maxFrameHeight = DEFAULT_MAX_FRAME_HEIGHT;
        private boolean artefactCheck = true;

        private Builder(String codecName) {
            this.codecName = Objects.requireNonNull(codecName, "codecName");
        }

        /**
         * Sets the codec configuration: FFmpeg extradata, such as SPS/PPS in Annex B or an
         * AVCDecoderConfigurationRecord for H.264. Null or empty when the stream carries it in band.
         */
        public Builder extradata(byte[] codecConfig) {
            this.extradata = codecConfig == null ? null : codecConfig.clone();
            return this;
        }

        /**
         * Sets the frame size in pixels that the demuxer reported. Oversized streams then fail before
         * decoding, and codecs without the size in their bitstream ({@code msmpeg4v3}) require it.
         */
        public Builder declaredSize(int width, int height) {
            this.declaredWidth = width;
            this.declaredHeight = height;
            return this;
        }

        /** Sets the largest frame, in pixels, that the decoder accepts; 7680x4320 by default. */
        public Builder maxFrameSize(int width, int height) {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("Maximum frame size must be positive, got " + width + "x" + height);
            }
            this.maxFrameWidth = width;
            this.maxFrameHeight = height;
            return this;
        }

        /** Turns the transient-artefact check on (the default) or off; off removes its one-frame delay. */
        public Builder artefactCheck(boolean enabled) {
            this.artefactCheck = enabled;
            return this;
        }

        /**
         * Opens the decoder.
         *
         * @throws UnsupportedCodecException if the codec is unknown or not supported
         * @throws FrameTooLargeException if the declared size or the codec configuration exceeds the maximum
         * @throws InvalidCodecConfigException if FFmpeg rejects the codec configuration
         */
        public PacketDecoder open() {
            return new PacketDecoder(this);
        }
    }
}
