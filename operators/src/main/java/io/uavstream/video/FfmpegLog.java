package io.uavstream.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_get_level;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes FFmpeg's log output to SLF4J and keeps the last error message of each thread, so that
 * decoding exceptions can quote what FFmpeg reported.
 *
 * <p>FFmpeg has one log callback per process, so installing this bridge replaces any callback set
 * before, including FFmpeg's default one that writes to stderr. It also lowers FFmpeg's log level to
 * warnings, if it was more verbose, to save the native-to-Java call for each message. Warnings and
 * errors go to the {@code io.uavstream.video.ffmpeg} logger at DEBUG, because decoders emit them
 * for every concealed error, and {@link PacketDecoder} reports damage through exceptions and frame
 * verdicts instead.
 */
final class FfmpegLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.uavstream.video.ffmpeg");
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

    /** Retained so that the native callback stays valid for the life of the process. */
    private static Bridge bridge;

    private FfmpegLog() {}

    /** Installs the bridge once per process. */
    static synchronized void install() {
        if (bridge == null) {
            bridge = new Bridge();
            bridge.retainReference();
            if (av_log_get_level() > AV_LOG_WARNING) {
                av_log_set_level(AV_LOG_WARNING);
            }
            // The presets format each line natively (av_log_format_line) before calling Java.
            setLogCallback(bridge);
        }
    }

    /** Forgets the calling thread's last error, before a call whose errors should be reported. */
    static void clearLastError() {
        LAST_ERROR.remove();
    }

    /** Returns the last error FFmpeg logged on the calling thread, or null if none. */
    static String lastError() {
        return LAST_ERROR.get();
    }

    private static final class Bridge extends LogCallback {
        @Override
        public void call(int level, BytePointer line) {
            if (level > AV_LOG_WARNING || line == null || line.isNull()) {
                return;
            }
            String message = line.getString().strip();
            if (level <= AV_LOG_ERROR) {
                LAST_ERROR.set(message);
            }
            LOG.debug("FFmpeg: {}", message);
        }
    }
}
