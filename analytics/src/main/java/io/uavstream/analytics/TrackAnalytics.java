package io.uavstream.analytics;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.LineDefinition;
import io.uavstream.analytics.definition.ZoneDefinition;
import io.uavstream.analytics.event.AnalyticsEvent;
import io.uavstream.analytics.event.ExitCause;
import io.uavstream.analytics.event.LineCrossedEvent;
import io.uavstream.analytics.event.ZoneEnteredEvent;
import io.uavstream.analytics.event.ZoneExitedEvent;
import io.uavstream.analytics.geo.GeodeticPoint;
import io.uavstream.analytics.geometry.Point2;
import io.uavstream.analytics.state.AnalyticsState;
import io.uavstream.analytics.state.TrackMemory;
import io.uavstream.analytics.state.ZoneOccupancy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zone, line and count analytics for the tracks of one drone. Not thread-safe: one instance per
 * drone, fed frames in capture-time order.
 *
 * <p>Each {@link #update} emits, in this order: the class counts of a window that the frame's
 * capture time has passed; exits of tracks missing from the frame; then per track in ID order,
 * exits from removed zones, zone entries and exits in definition order, and line crossings in
 * definition order. The README states the semantics of each event.
 */
public final class TrackAnalytics {

    private static final Logger LOG = LoggerFactory.getLogger(TrackAnalytics.class);

    private final String droneId;
    private final TrackAnalyticsConfig config;
    private List<CompiledZone> zones;
    private List<CompiledLine> lines;
    private long lastCaptureTimeMicros;
    private final SortedMap<Long, TrackMemory> tracks;
    private final ClassCountWindow window;

    private TrackAnalytics(String droneId, TrackAnalyticsConfig config, DefinitionSet definitions, AnalyticsState state) {
        if (droneId == null || droneId.isBlank()) {
            throw new IllegalArgumentException("Drone ID must be non-blank");
        }
        if (config == null || definitions == null || state == null) {
            throw new IllegalArgumentException("Config, definitions and state of drone " + droneId + " must not be null");
        }
        this.droneId = droneId;
        this.config = config;
        this.lastCaptureTimeMicros = state.lastCaptureTimeMicros();
        this.tracks = new TreeMap<>(state.tracks());
        this.window = new ClassCountWindow(
                droneId, config.countWindowMicros(), state.windowStartMicros(), state.windowTracks());
        compile(definitions);
    }

    /** Creates analytics for one drone; definitions of other drones in the set are ignored. */
    public static TrackAnalytics create(String droneId, TrackAnalyticsConfig config, DefinitionSet definitions) {
        return new TrackAnalytics(droneId, config, definitions, AnalyticsState.EMPTY);
    }

    /** Restores analytics from a snapshot taken by {@link #snapshot()} with the same config. */
    public static TrackAnalytics restore(
            String droneId, TrackAnalyticsConfig config, DefinitionSet definitions, AnalyticsState state) {
        return new TrackAnalytics(droneId, config, definitions, state);
    }

    /**
     * Replaces the zones and lines; they apply from the next {@link #update}, where tracks inside a
     * removed zone exit with {@link ExitCause#ZONE_REMOVED}. A zone kept under the same ID keeps
     * its occupants, who are tested against its new polygon.
     */
    public void replaceDefinitions(DefinitionSet definitions) {
        if (definitions == null) {
            throw new IllegalArgumentException("Definitions of drone " + droneId + " must not be null");
        }
        compile(definitions);
        LOG.info("Drone {}: replaced definitions, now {} zones and {} lines", droneId, zones.size(), lines.size());
    }

    /**
     * Processes one frame's tracks and returns the events it causes.
     *
     * @param captureTimeMicros the frame's capture time in microseconds, not before the previous frame's
     * @param frameTracks every live track of the frame, each track ID at most once; a track missing
     *     here has ended
     */
    public List<AnalyticsEvent> update(long captureTimeMicros, List<TrackObservation> frameTracks) {
        checkFrame(captureTimeMicros, frameTracks);
        List<AnalyticsEvent> events = new ArrayList<>();
        window.advanceTo(captureTimeMicros).ifPresent(events::add);
        endMissingTracks(captureTimeMicros, frameTracks, events);
        frameTracks.stream()
                .sorted((a, b) -> Long.compare(a.trackId(), b.trackId()))
                .forEach(track -> updateTrack(captureTimeMicros, track, events));
        lastCaptureTimeMicros = captureTimeMicros;
        return events;
    }

    /** Returns an immutable copy of the state, for {@link #restore}. */
    public AnalyticsState snapshot() {
        return new AnalyticsState(lastCaptureTimeMicros, tracks, window.startMicros(), window.tracksByClass());
    }

    public String droneId() {
        return droneId;
    }

    private void compile(DefinitionSet definitions) {
        DefinitionSet own = definitions.forDrone(droneId);
        this.zones = own.zones().stream().map(CompiledZone::new).toList();
        this.lines = own.lines().stream().map(CompiledLine::new).toList();
    }

    private void checkFrame(long captureTimeMicros, List<TrackObservation> frameTracks) {
        if (frameTracks == null) {
            throw new IllegalArgumentException("Track list of drone " + droneId + " must not be null");
        }
        if (lastCaptureTimeMicros != AnalyticsState.NO_TIME && captureTimeMicros < lastCaptureTimeMicros) {
            throw new IllegalArgumentException("Drone " + droneId + ": frame capture time " + captureTimeMicros
                    + " us is before the previous frame's " + lastCaptureTimeMicros + " us; pass frames in order");
        }
        Set<Long> ids = new HashSet<>();
        for (TrackObservation track : frameTracks) {
            if (!ids.add(track.trackId())) {
                throw new IllegalArgumentException("Drone " + droneId + ": track " + track.trackId()
                        + " occurs twice in the frame at " + captureTimeMicros + " us");
            }
        }
    }

    private void endMissingTracks(long captureTimeMicros, List<TrackObservation> frameTracks, List<AnalyticsEvent> events) {
        Set<Long> present = new HashSet<>();
        frameTracks.forEach(track -> present.add(track.trackId()));
        var iterator = tracks.values().iterator();
        while (iterator.hasNext()) {
            TrackMemory memory = iterator.next();
            if (!present.contains(memory.trackId())) {
                memory.zones().forEach((zoneId, stay) -> events.add(forcedExit(
                        zoneId, memory.trackId(), memory.className(), captureTimeMicros, stay, ExitCause.TRACK_ENDED)));
                iterator.remove();
            }
        }
    }

    private void updateTrack(long captureTimeMicros, TrackObservation track, List<AnalyticsEvent> events) {
        TrackMemory previous = tracks.get(track.trackId());
        Point2 pixel = track.referencePoint(config.referencePoint());
        GeodeticPoint world = track.worldPosition();
        SortedMap<String, ZoneOccupancy> stays = previous == null ? new TreeMap<>() : new TreeMap<>(previous.zones());

        exitRemovedZones(captureTimeMicros, track, stays, events);
        for (CompiledZone zone : zones) {
            if (zone.definition().appliesTo(track.className())) {
                updateStay(captureTimeMicros, track, zone, zone.test(pixel, world), stays, events);
            }
        }
        if (previous != null) {
            for (CompiledLine line : lines) {
                LineDefinition definition = line.definition();
                if (definition.appliesTo(track.className())) {
                    line.crossing(previous.lastPixel(), pixel, previous.lastWorld(), world)
                            .ifPresent(direction -> events.add(new LineCrossedEvent(droneId, definition.id(),
                                    track.trackId(), track.className(), captureTimeMicros, direction)));
                }
            }
        }

        GeodeticPoint lastWorld = world;
        if (lastWorld == null && previous != null) {
            lastWorld = previous.lastWorld();
        }
        tracks.put(track.trackId(),
                new TrackMemory(track.trackId(), track.className(), captureTimeMicros, pixel, lastWorld, stays));
        window.add(track.className(), track.trackId());
    }

    /** Exits zones that no longer exist or whose class filter no longer covers the track's class. */
    private void exitRemovedZones(
            long captureTimeMicros, TrackObservation track, SortedMap<String, ZoneOccupancy> stays, List<AnalyticsEvent> events) {
        var iterator = stays.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<String, ZoneOccupancy> entry = iterator.next();
            ZoneDefinition zone = findZone(entry.getKey());
            if (zone == null || !zone.appliesTo(track.className())) {
                events.add(forcedExit(entry.getKey(), track.trackId(), track.className(), captureTimeMicros,
                        entry.getValue(), ExitCause.ZONE_REMOVED));
                iterator.remove();
            }
        }
    }

    private void updateStay(long captureTimeMicros, TrackObservation track, CompiledZone zone, Presence presence,
            SortedMap<String, ZoneOccupancy> stays, List<AnalyticsEvent> events) {
        ZoneOccupancy stay = stays.get(zone.id());
        if (presence == Presence.INSIDE) {
            if (stay == null) {
                events.add(new ZoneEnteredEvent(droneId, zone.id(), track.trackId(), track.className(), captureTimeMicros));
                stays.put(zone.id(), ZoneOccupancy.enteredAt(captureTimeMicros));
            } else {
                stays.put(zone.id(), stay.insideAt(captureTimeMicros));
            }
        } else if (presence == Presence.OUTSIDE && stay != null) {
            ZoneOccupancy outside = stay.outsideAt(captureTimeMicros);
            if (captureTimeMicros - outside.outsideSinceMicros() >= config.exitDelayMicros()) {
                events.add(new ZoneExitedEvent(droneId, zone.id(), track.trackId(), track.className(), captureTimeMicros,
                        outside.enteredAtMicros(), outside.outsideSinceMicros(), ExitCause.LEFT_ZONE));
                stays.remove(zone.id());
            } else {
                stays.put(zone.id(), outside);
            }
        }
        // NOTE: an UNKNOWN presence (WGS84 zone, no world position in this frame) leaves the stay
        // unchanged, so the exit delay does not run while the position is unknown.
    }

    private ZoneExitedEvent forcedExit(
            String zoneId, long trackId, String className, long captureTimeMicros, ZoneOccupancy stay, ExitCause cause) {
        return new ZoneExitedEvent(droneId, zoneId, trackId, className, captureTimeMicros,
                stay.enteredAtMicros(), stay.forcedExitMicros(), cause);
    }

    private ZoneDefinition findZone(String zoneId) {
        for (CompiledZone zone : zones) {
            if (zone.id().equals(zoneId)) {
                return zone.definition();
            }
        }
        return null;
    }
}
