package io.uavstream.simulator;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.geo.GeodeticPosition;
import io.uavstream.simulator.noise.NoiseProfile;
import io.uavstream.simulator.scene.SceneGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link FleetSimulation} run. Built with {@link #builder()}; every setter validates
 * its argument at once, and {@link Builder#build()} checks the settings that depend on each other.
 *
 * <pre>{@code
 * SimulationConfig config = SimulationConfig.builder()
 *         .drones(4).durationSeconds(60).seed(42)
 *         .noiseProfile(NoiseProfile.load("default"))
 *         .build();
 * }</pre>
 */
public final class SimulationConfig {

    /** Default frame rate in frames per second. */
    public static final int DEFAULT_FPS = 10;
    /** Default frame width and height in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    /** Highest angle from nadir, in degrees, that a ray at the frame edge may reach, so the horizon stays out of the frame. */
    static final double MAX_RAY_ANGLE_DEGREES = 78;
    private static final double MIN_ALTITUDE = 30;
    private static final double MAX_ALTITUDE = 300;

    private final int drones;
    private final double durationSeconds;
    private final long seed;
    private final int fps;
    private final int width;
    private final int height;
    private final double minAltitude;
    private final double maxAltitude;
    private final double minTilt;
    private final double maxTilt;
    private final double horizontalFov;
    private final double k1;
    private final double k2;
    private final List<FlightPattern> patterns;
    private final NoiseProfile noiseProfile;
    private final int sceneSizeMetres;
    private final double trafficDensity;
    private final String droneIdPrefix;
    private final GeodeticPosition origin;
    private final Instant startTime;
    private final int bitrate;
    private final int gopFrames;
    private final boolean motionBlur;
    private final int snapshotEveryFrames;
    private final int threads;

    private SimulationConfig(Builder b) {
        this.drones = b.drones;
        this.durationSeconds = b.durationSeconds;
        this.seed = b.seed;
        this.fps = b.fps;
        this.width = b.width;
        this.height = b.height;
        this.minAltitude = b.minAltitude;
        this.maxAltitude = b.maxAltitude;
        this.minTilt = b.minTilt;
        this.maxTilt = b.maxTilt;
        this.horizontalFov = b.horizontalFov;
        this.k1 = b.k1;
        this.k2 = b.k2;
        this.patterns = List.copyOf(b.patterns);
        this.noiseProfile = b.noiseProfile;
        this.sceneSizeMetres = b.sceneSizeMetres;
        this.trafficDensity = b.trafficDensity;
        this.droneIdPrefix = b.droneIdPrefix;
        this.origin = b.origin;
        this.startTime = b.startTime;
        this.bitrate = b.bitrate > 0 ? b.bitrate : defaultBitrate(b.width, b.height, b.fps);
        this.gopFrames = b.gopFrames > 0 ? b.gopFrames : 2 * b.fps;
        this.motionBlur = b.motionBlur;
        this.snapshotEveryFrames = b.snapshotEveryFrames;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the number of drones. */
    public int drones() {
        return drones;
    }

    /** Returns the flight duration in seconds. */
    public double durationSeconds() {
        return durationSeconds;
    }

    /** Returns the number of frames per drone: the duration times the frame rate, rounded, at least 1. */
    public int frames() {
        return Math.max(1, (int) Math.round(durationSeconds * fps));
    }

    /** Returns the seed from which the scene, traffic and every drone are drawn. */
    public long seed() {
        return seed;
    }

    public int fps() {
        return fps;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Returns the lowest flight height in metres above the ground; each drone draws its own from the range. */
    public double minAltitudeMetres() {
        return minAltitude;
    }

    public double maxAltitudeMetres() {
        return maxAltitude;
    }

    /** Returns the lowest camera angle from nadir in degrees; each drone draws its own from the range. */
    public double minOffNadirDegrees() {
        return minTilt;
    }

    public double maxOffNadirDegrees() {
        return maxTilt;
    }

    /** Returns the camera intrinsics every drone uses. */
    public CameraIntrinsics intrinsics() {
        return CameraIntrinsics.ofHorizontalFov(width, height, horizontalFov, k1, k2);
    }

    /** Returns the flight patterns, assigned to drones in turn: drone i flies pattern i modulo the list size. */
    public List<FlightPattern> patterns() {
        return patterns;
    }

    /** Returns the detection noise profile; when present, each drone also gets {@code det/det.txt}. */
    public Optional<NoiseProfile> noiseProfile() {
        return Optional.ofNullable(noiseProfile);
    }

    public int sceneSizeMetres() {
        return sceneSizeMetres;
    }

    /** Returns the multiplier of the default numbers of vehicles and pedestrians. */
    public double trafficDensity() {
        return trafficDensity;
    }

    /** Returns the drone ID of fleet position {@code index} (from 0): the prefix and index + 1. */
    public String droneId(int index) {
        return droneIdPrefix + (index + 1);
    }

    /** Returns the WGS84 position of the ENU origin (the scene centre). */
    public GeodeticPosition origin() {
        return origin;
    }

    /** Returns the UTC time of every drone's first frame. */
    public Instant startTime() {
        return startTime;
    }

    /** Returns the video bitrate in bits per second. */
    public int bitrate() {
        return bitrate;
    }

    /** Returns the keyframe interval in frames. */
    public int gopFrames() {
        return gopFrames;
    }

    public boolean motionBlur() {
        return motionBlur;
    }

    /** Returns how often a PNG snapshot of the rendered frame is written, in frames; 0 for never. */
    public int snapshotEveryFrames() {
        return snapshotEveryFrames;
    }

    /** Returns the number of worker threads that render drones in parallel. */
    public int threads() {
        return threads;
    }

    /** Returns about 0.1 bits per pixel, low enough that H.264 compression artefacts show. */
    static int defaultBitrate(int width, int height, int fps) {
        return (int) Math.max(100_000, Math.min(Integer.MAX_VALUE, (long) width * height * fps / 10));
    }

    @Override
    public String toString() {
        return "SimulationConfig{drones=" + drones + ", durationSeconds=" + durationSeconds + ", seed=" + seed
                + ", fps=" + fps + ", size=" + width + "x" + height + ", altitude=" + minAltitude + ".." + maxAltitude
                + " m, offNadir=" + minTilt + ".." + maxTilt + " deg, hfov=" + horizontalFov + ", k1=" + k1 + ", k2=" + k2
                + ", patterns=" + patterns + ", noiseProfile=" + (noiseProfile == null ? "none" : noiseProfile.name())
                + ", sceneSize=" + sceneSizeMetres + " m, trafficDensity=" + trafficDensity + ", bitrate=" + bitrate
                + ", gop=" + gopFrames + ", threads=" + threads + "}";
    }

    /** Builder of {@link SimulationConfig}; every setting has a default. */
    public static final class Builder {
        private int drones = 4;
        private double durationSeconds = 60;
        private long seed = 1;
        private int fps = DEFAULT_FPS;
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private double minAltitude = 40;
        private double maxAltitude = 100;
        private double minTilt = 0;
        private double maxTilt = 30;
        private double horizontalFov = 70;
        private double k1;
        private double k2;
        private List<FlightPattern> patterns = List.of(FlightPattern.values());
        private NoiseProfile noiseProfile;
        private int sceneSizeMetres = 2048;
        private double trafficDensity = 1;
        private String droneIdPrefix = "drone-";
        private GeodeticPosition origin = new GeodeticPosition(47.3769, 8.5417, 408);
        private Instant startTime = Instant.parse("2025-06-21T10:00:00Z");
        private int bitrate;
        private int gopFrames;
        private boolean motionBlur = true;
        private int snapshotEveryFrames;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {}

        /** Sets the number of drones, 1 to 256; 4 by default. */
        public Builder drones(int drones) {
            requireRange("drones", drones, 1, 256);
            this.drones = drones;
            return this;
        }

        /** Sets the flight duration in seconds, above 0 and at most 3600; 60 by default. */
        public Builder durationSeconds(double seconds) {
            if (!(seconds > 0 && seconds <= 3600)) {
                throw new IllegalArgumentException("duration must be above 0 and at most 3600 seconds, got " + seconds);
            }
            this.durationSeconds = seconds;
            return this;
        }

        /** Sets the seed; 1 by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the frame rate, 1 to 60 frames per second; 10 by default. */
        public Builder fps(int fps) {
            requireRange("fps", fps, 1, 60);
            this.fps = fps;
            return this;
        }

        /** Sets the frame size in pixels: width 160 to 1920 and height 120 to 1080, both even (4:2:0 chroma). */
        public Builder frameSize(int width, int height) {
            requireRange("width", width, 160, 1920);
            requireRange("height", height, 120, 1080);
            if (width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("frame width and height must be even, got " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Sets the range each drone draws its flight height from, in metres above the ground, within 30 to 300; 40 to 100 by default. */
        public Builder altitudeRange(double minMetres, double maxMetres) {
            requireOrderedRange("altitude", minMetres, maxMetres, MIN_ALTITUDE, MAX_ALTITUDE);
            this.minAltitude = minMetres;
            this.maxAltitude = maxMetres;
            return this;
        }

        /** Sets the range each drone draws its camera angle from nadir from, in degrees, within 0 to 45; 0 to 30 by default. */
        public Builder offNadirRange(double minDegrees, double maxDegrees) {
            requireOrderedRange("off-nadir angle", minDegrees, maxDegrees, 0, 45);
            this.minTilt = minDegrees;
            this.maxTilt = maxDegrees;
            return this;
        }

        /** Sets the horizontal field of view in degrees, 20 to 100; 70 by default. */
        public Builder horizontalFovDegrees(double degrees) {
            if (!(degrees >= 20 && degrees <= 100)) {
                throw new IllegalArgumentException("horizontal field of view must be between 20 and 100 degrees, got " + degrees);
            }
            this.horizontalFov = degrees;
            return this;
        }

        /** Sets the radial distortion coefficients (Brown model, see {@link CameraIntrinsics}); 0 by default. */
        public Builder distortion(double k1, double k2) {
            if (!(Math.abs(k1) <= 1 && Math.abs(k2) <= 1)) {
                throw new IllegalArgumentException("distortion coefficients must be between -1 and 1, got k1=" + k1 + ", k2=" + k2);
            }
            this.k1 = k1;
            this.k2 = k2;
            return this;
        }

        /** Sets the patterns assigned to drones in turn; all four, in declaration order, by default. */
        public Builder patterns(List<FlightPattern> patterns) {
            Objects.requireNonNull(patterns, "patterns");
            if (patterns.isEmpty() || patterns.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("patterns must be a non-empty list without nulls, got " + patterns);
            }
            this.patterns = List.copyOf(patterns);
            return this;
        }

        /** Sets the detection noise profile, or none with null; none by default. */
        public Builder noiseProfile(NoiseProfile profile) {
            this.noiseProfile = profile;
            return this;
        }

        /** Sets the side of the square scene in metres: a power of two from 256 to 4096; 2048 by default. */
        public Builder sceneSizeMetres(int metres) {
            if (metres < SceneGenerator.MIN_SIZE_METRES || metres > SceneGenerator.MAX_SIZE_METRES
                    || Integer.bitCount(metres) != 1) {
                throw new IllegalArgumentException("scene size must be a power of two from " + SceneGenerator.MIN_SIZE_METRES
                        + " to " + SceneGenerator.MAX_SIZE_METRES + " metres, got " + metres);
            }
            this.sceneSizeMetres = metres;
            return this;
        }

        /** Sets the multiplier of the default numbers of vehicles and pedestrians, 0 to 5; 1 by default. */
        public Builder trafficDensity(double density) {
            if (!(density >= 0 && density <= 5)) {
                throw new IllegalArgumentException("traffic density must be between 0 and 5, got " + density);
            }
            this.trafficDensity = density;
            return this;
        }

        /** Sets the prefix of drone IDs: drone i (from 0) is the prefix followed by i + 1; {@code drone-} by default. */
        public Builder droneIdPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            String sample = prefix + "256";
            if (!IngestOptions.DRONE_ID_PATTERN.matcher(sample).matches()) {
                throw new IllegalArgumentException("Invalid drone ID prefix '" + prefix
                        + "': drone IDs must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            this.droneIdPrefix = prefix;
            return this;
        }

        /** Sets the WGS84 position of the ENU origin, the scene centre; 47.3769 N, 8.5417 E, 408 m by default. */
        public Builder origin(GeodeticPosition origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /** Sets the UTC time of the first frame; 2025-06-21T10:00:00Z by default. */
        public Builder startTime(Instant startTime) {
            this.startTime = Objects.requireNonNull(startTime, "startTime");
            return this;
        }

        /** Sets the video bitrate in bits per second, at least 10000; about 0.1 bits per pixel by default. */
        public Builder bitrate(int bitsPerSecond) {
            requireRange("bitrate", bitsPerSecond, 10_000, Integer.MAX_VALUE);
            this.bitrate = bitsPerSecond;
            return this;
        }

        /** Sets the keyframe interval in frames, 1 to 600; two seconds of frames by default. */
        public Builder gopFrames(int frames) {
            requireRange("gop", frames, 1, 600);
            this.gopFrames = frames;
            return this;
        }

        /** Sets whether frames get camera motion blur; true by default. */
        public Builder motionBlur(boolean motionBlur) {
            this.motionBlur = motionBlur;
            return this;
        }

        /** Writes a PNG of every n-th rendered frame under {@code DRONE/snapshots/}; 0 (never) by default. */
        public Builder snapshotEveryFrames(int frames) {
            requireRange("snapshot interval", frames, 0, Integer.MAX_VALUE);
            this.snapshotEveryFrames = frames;
            return this;
        }

        /** Sets the number of worker threads, 1 to 256; the number of processors by default. */
        public Builder threads(int threads) {
            requireRange("threads", threads, 1, 256);
            this.threads = threads;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException if the steepest ray of the frame (the highest off-nadir
         *     angle plus half the vertical field of view) would come within 12 degrees of the horizon,
         *     or the distortion folds the image
         */
        public SimulationConfig build() {
            CameraIntrinsics intrinsics = CameraIntrinsics.ofHorizontalFov(width, height, horizontalFov, k1, k2);
            double steepest = maxTilt + intrinsics.verticalFovDegrees() / 2;
            if (steepest > MAX_RAY_ANGLE_DEGREES) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "off-nadir angle up to %.1f degrees with a vertical field of view of %.1f degrees reaches %.1f "
                                + "degrees from nadir, above the limit of %.0f; lower the off-nadir range or the field of view",
                        maxTilt, intrinsics.verticalFovDegrees(), steepest, MAX_RAY_ANGLE_DEGREES));
            }
            return new SimulationConfig(this);
        }

        private static void requireRange(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
        }

        private static void requireOrderedRange(String name, double min, double max, double lowest, double highest) {
            if (!(min >= lowest && max <= highest && min <= max)) {
                throw new IllegalArgumentException(name + " range must satisfy " + lowest + " <= min <= max <= " + highest
                        + ", got " + min + " to " + max);
            }
        }
    }
}
