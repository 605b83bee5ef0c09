package io.uavstream.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_NEW_EXTRADATA;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_get_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_network_init;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_tell;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.uavstream.schemas.CaptureTimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the encoded packets of the video stream of a file or network source with FFmpeg's
 * libavformat, without decoding them.
 *
 * <p>Each packet becomes a {@link DemuxedPacket}: PTS, DTS and duration rescaled from the stream
 * time base to microseconds (see {@link PacketTimestamps} for missing timestamps), the keyframe flag,
 * and the codec extradata on every keyframe and on the first packet. The capture time is the
 * wall-clock time at which the source was opened plus the packet's PTS minus the first PTS.
 *
 * <p>The native objects (format context, packet, side-data size) are allocated when the source is
 * opened and freed in {@link #close()}; the option dictionary lives only within {@link #open}.
 * Nothing else allocates native memory. Not thread-safe.
 */
public final class StreamDemuxer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDemuxer.class);

    /** Socket timeout for network sources unless the caller sets one. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private static final int ERROR_MESSAGE_BYTES = 256;

    static {
        avformat_network_init();
    }

    private final VideoSource source;
    private final AVFormatContext context;
    private final AVPacket packet;
    private final SizeTPointer sideDataSize;
    private final AVStream stream;
    private final StreamInfo info;
    private final PacketTimestamps timestamps;
    private final long openedAtMicros;

    private byte[] codecConfig;
    private long firstPtsMicros = Long.MIN_VALUE;
    private boolean firstPacket = true;
    private boolean warnedDerivedPts;
    private boolean endChecked;
    private boolean closed;

    private StreamDemuxer(VideoSource source, AVFormatContext context, int streamIndex, Clock clock) {
        this.source = source;
        this.context = context;
        this.stream = context.streams(streamIndex);
        AVCodecParameters parameters = stream.codecpar();
        double framesPerSecond = framesPerSecond(stream);
        this.info = new StreamInfo(
                avcodec_get_name(parameters.codec_id()).getString(),
                parameters.width(),
                parameters.height(),
                framesPerSecond,
                durationSeconds(context));
        this.codecConfig = copy(parameters.extradata(), parameters.extradata_size());
        this.timestamps = new PacketTimestamps(
                stream.time_base().num(), stream.time_base().den(), framesPerSecond, AV_NOPTS_VALUE);
        this.openedAtMicros = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        this.packet = av_packet_alloc();
        this.sideDataSize = new SizeTPointer(1);
    }

    /** Opens a source with the default socket timeout and no extra FFmpeg options. */
    public static StreamDemuxer open(VideoSource source) {
        return open(source, DEFAULT_SOCKET_TIMEOUT, Map.of());
    }

    /**
     * Opens a source and selects its video stream.
     *
     * @param socketTimeout for network sources, the maximum wait for a connection or for data
     *     before a read fails; passed to FFmpeg as {@code rw_timeout} and, for RTSP, UDP, RTP, SRT and
     *     TCP, as {@code timeout}
     * @param ffmpegOptions further FFmpeg demuxer and protocol options, for example {@code
     *     rtsp_transport=tcp}; they override the timeouts
     * @throws IngestException naming the source if it cannot be opened or has no video stream
     */
    public static StreamDemuxer open(VideoSource source, Duration socketTimeout, Map<String, String> ffmpegOptions) {
        return open(source, socketTimeout, ffmpegOptions, Clock.systemUTC());
    }

    static StreamDemuxer open(VideoSource source, Duration socketTimeout, Map<String, String> ffmpegOptions, Clock clock) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(ffmpegOptions, "ffmpegOptions");
        if (!source.isNetwork() && !Files.isRegularFile(source.file())) {
            throw new IngestException("Video file not found: " + source.file().toAbsolutePath());
        }

        AVFormatContext context = openInput(source, openOptions(source, socketTimeout, ffmpegOptions));
        try {
            check(avformat_find_stream_info(context, (PointerPointer<?>) null), "Failed to read stream information of " + source);
            int streamIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (streamIndex < 0) {
                throw new IngestException("No video stream in " + source + " (" + context.nb_streams() + " other stream(s))");
            }
            discardAllBut(context, streamIndex);
            StreamDemuxer demuxer = new StreamDemuxer(source, context, streamIndex, clock);
            StreamInfo info = demuxer.info;
            LOG.info("Opened {}: {} {}x{} at {} fps, duration {} s", source, info.codec(), info.width(), info.height(),
                    info.framesPerSecond(), info.durationSeconds().isPresent() ? info.durationSeconds().getAsDouble() : "unknown");
            return demuxer;
        } catch (RuntimeException e) {
            avformat_close_input(context);
            throw e;
        }
    }

    /** Opens the input with {@code avformat_open_input}, which frees the context itself on failure. */
    private static AVFormatContext openInput(VideoSource source, Map<String, String> options) {
        AVFormatContext context = avformat_alloc_context();
        AVDictionary dictionary = new AVDictionary(null);
        try {
            options.forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
            check(avformat_open_input(context, source.ffmpegUrl(), null, dictionary), "Failed to open " + source);
            return context;
        } finally {
            av_dict_free(dictionary);
        }
    }

    /** Returns the selected video stream. */
    public StreamInfo streamInfo() {
        return info;
    }

    /** Returns the source. */
    public VideoSource source() {
        return source;
    }

    /**
     * Reads the next packet of the video stream, skipping packets of other streams.
     *
     * @return the packet, or null at the end of the stream
     * @throws DemuxException if FFmpeg fails to read, for example on a truncated file or a network
     *     timeout; reading cannot continue after it
     */
    public DemuxedPacket nextPacket() {
        ensureOpen();
        while (true) {
            int result = av_read_frame(context, packet);
            if (result == AVERROR_EOF) {
                checkTransportStreamComplete();
                return null;
            }
            if (result < 0) {
                long position = bytePosition();
                throw new DemuxException("Failed to read a packet from " + source + " at byte " + position
                        + ": " + errorText(result), position);
            }
            try {
                if (packet.stream_index() == stream.index()) {
                    return convert(packet);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /**
     * Raises a {@link DemuxException} once if the source is an MPEG-TS file that ends inside a
     * transport stream packet. MPEG-TS has no index, so FFmpeg ends such a file without an error,
     * and a file size that is not a whole number of 188-, 192- or 204-byte packets is the sign that
     * the file was cut off.
     */
    private void checkTransportStreamComplete() {
        if (endChecked || source.isNetwork() || context.iformat() == null
                || !"mpegts".equals(context.iformat().name().getString())) {
            return;
        }
        endChecked = true;
        long size;
        try {
            size = Files.size(source.file());
        } catch (IOException e) {
            throw new DemuxException("Failed to read the size of " + source + ": " + e, -1);
        }
        // NOTE: a file cut exactly on a packet boundary passes this check, and its last access
        // unit may still be incomplete.
        if (size % 188 != 0 && size % 192 != 0 && size % 204 != 0) {
            throw new DemuxException("Truncated MPEG-TS file " + source + ": its size, " + size
                    + " bytes, is not a whole number of transport stream packets", size);
        }
    }

    /** Returns the current byte offset in the source, or -1 for sources without one (RTSP). */
    public long bytePosition() {
        return context.pb() == null ? -1 : avio_tell(context.pb());
    }

    /** Frees the FFmpeg objects and closes the source. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_packet_free(packet);
        sideDataSize.close();
        avformat_close_input(context);
    }

    private DemuxedPacket convert(AVPacket avPacket) {
        updateCodecConfig(avPacket);
        PacketTimestamps.Micros micros = timestamps.convert(avPacket.pts(), avPacket.dts(), avPacket.duration());
        if (firstPtsMicros == Long.MIN_VALUE) {
            firstPtsMicros = micros.pts();
        }
        if (micros.ptsDerived() && !warnedDerivedPts) {
            warnedDerivedPts = true;
            LOG.warn("{} has packets without PTS, the first at byte {}: deriving PTS from DTS or the frame rate",
                    source, avPacket.pos());
        }
        boolean keyframe = (avPacket.flags() & AV_PKT_FLAG_KEY) != 0;
        boolean corrupt = (avPacket.flags() & AV_PKT_FLAG_CORRUPT) != 0;
        byte[] config = keyframe || firstPacket ? codecConfig : null;
        firstPacket = false;

        byte[] accessUnit = new byte[avPacket.size()];
        if (accessUnit.length > 0) {
            avPacket.data().get(accessUnit);
        }
        // TODO: when the stream carries its own UTC clock (the MISB ST 0601 precision time stamp in
        // KLV metadata), take the capture time from it and set CaptureTimeSource.STREAM_CLOCK.
        long captureTimeMicros = openedAtMicros + (micros.pts() - firstPtsMicros);
        return new DemuxedPacket(micros.pts(), micros.dts(), micros.duration(), captureTimeMicros,
                CaptureTimeSource.WALL_CLOCK_PLUS_PTS, keyframe, corrupt, config, accessUnit, avPacket.pos(), info);
    }

    /** Takes new extradata that a packet carries as side data, as some streams change SPS/PPS mid-stream. */
    private void updateCodecConfig(AVPacket avPacket) {
        BytePointer sideData = av_packet_get_side_data(avPacket, AV_PKT_DATA_NEW_EXTRADATA, sideDataSize);
        if (sideData != null && !sideData.isNull() && sideDataSize.get() > 0) {
            codecConfig = copy(sideData, (int) sideDataSize.get());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Demuxer of " + source + " is closed");
        }
    }

    private static Map<String, String> openOptions(VideoSource source, Duration socketTimeout, Map<String, String> ffmpegOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        if (source.isNetwork()) {
            String timeoutMicros = Long.toString(socketTimeout.toNanos() / 1_000);
            options.put("rw_timeout", timeoutMicros);
            if (source.hasSocketTimeoutOption()) {
                options.put("timeout", timeoutMicros);
            }
        }
        options.putAll(ffmpegOptions);
        return options;
    }

    private static void discardAllBut(AVFormatContext context, int streamIndex) {
        for (int i = 0; i < context.nb_streams(); i++) {
            if (i != streamIndex) {
                context.streams(i).discard(AVDISCARD_ALL);
            }
        }
    }

    private static double framesPerSecond(AVStream stream) {
        AVRational rate = stream.avg_frame_rate();
        if (rate.num() <= 0 || rate.den() <= 0) {
            rate = stream.r_frame_rate();
        }
        return rate.num() > 0 && rate.den() > 0 ? (double) rate.num() / rate.den() : 0;
    }

    private static OptionalDouble durationSeconds(AVFormatContext context) {
        long duration = context.duration();
        return duration == AV_NOPTS_VALUE || duration <= 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((double) duration / AV_TIME_BASE);
    }

    private static byte[] copy(BytePointer data, int size) {
        if (data == null || data.isNull() || size <= 0) {
            return null;
        }
        byte[] bytes = new byte[size];
        data.position(0).get(bytes);
        return bytes;
    }

    private static void check(int result, String message) {
        if (result < 0) {
            throw new IngestException(message + ": " + errorText(result));
        }
    }

    static String errorText(int errorCode) {
        byte[] buffer = new byte[ERROR_MESSAGE_BYTES];
        av_strerror(errorCode, buffer, buffer.length);
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8) + " (FFmpeg error " + errorCode + ")";
    }
}
