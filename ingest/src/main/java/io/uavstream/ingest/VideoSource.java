package io.uavstream.ingest;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video source: a local file, or a network URL that FFmpeg reads (RTSP, UDP, SRT and the other
 * schemes in {@link #NETWORK_SCHEMES}).
 */
public final class VideoSource {

    /** URL schemes read over the network, each supported by the FFmpeg 8.0.1-1.5.13 build. */
    public static final Set<String> NETWORK_SCHEMES =
            Set.of("rtsp", "rtsps", "rtmp", "rtmps", "udp", "rtp", "srt", "tcp", "http", "https");

    /** Schemes whose FFmpeg {@code timeout} option is the socket I/O timeout in microseconds. */
    private static final Set<String> SOCKET_TIMEOUT_SCHEMES = Set.of("rtsp", "rtsps", "udp", "rtp", "srt", "tcp");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private final String location;
    private final String scheme;
    private final Path file;

    private VideoSource(String location, String scheme, Path file) {
        this.location = location;
        this.scheme = scheme;
        this.file = file;
    }

    /**
     * Parses a file path, a {@code file://} URI or a network URL.
     *
     * @throws IllegalArgumentException if {@code location} is blank or has an unsupported scheme
     */
    public static VideoSource parse(String location) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("Video source must not be blank");
        }
        Matcher matcher = SCHEME.matcher(location);
        if (!matcher.find()) {
            return new VideoSource(location, "file", Paths.get(location));
        }
        String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return new VideoSource(location, scheme, Path.of(java.net.URI.create(location)));
        }
        if (!NETWORK_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Unsupported video source scheme '" + scheme + "' in " + location
                    + "; use a file path or one of " + new java.util.TreeSet<>(NETWORK_SCHEMES));
        }
        return new VideoSource(location, scheme, null);
    }

    /** Returns a source for a local file. */
    public static VideoSource ofFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new VideoSource(file.toString(), "file", file);
    }

    /** Returns whether the source is read over the network, so that it may drop and reconnect. */
    public boolean isNetwork() {
        return file == null;
    }

    /** Returns the local file; only for sources that are not {@link #isNetwork() network} sources. */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException(location + " is a network source, not a file");
        }
        return file;
    }

    /** Returns the URL scheme, {@code file} for local files. */
    public String scheme() {
        return scheme;
    }

    /** Returns the URL FFmpeg opens. File paths get a {@code file:} prefix so that a colon in a name is not read as a protocol. */
    String ffmpegUrl() {
        return file != null ? "file:" + file.toAbsolutePath() : location;
    }

    /** Returns whether FFmpeg's {@code timeout} option is this scheme's socket timeout in microseconds. */
    boolean hasSocketTimeoutOption() {
        return SOCKET_TIMEOUT_SCHEMES.contains(scheme);
    }

    /** Returns the location as given, for logs and messages. */
    @Override
    public String toString() {
        return location;
    }
}
