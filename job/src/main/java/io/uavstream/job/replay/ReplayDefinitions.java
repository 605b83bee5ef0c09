package io.uavstream.job.replay;

import io.uavstream.analytics.definition.DefinitionParser;
import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.analytics.definition.InvalidDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The zones and lines of a replay, fixed before its first frame and in force for the whole range,
 * with where they came from: a file ({@code --zones}), the latest definitions of each drone on
 * the analytics control topic ({@link ControlTopicSnapshot}), or none when analytics are off.
 * Fixing them in advance keeps a replay deterministic, because a control stream read while the
 * video is analysed could reach a frame sooner or later from one replay to the next.
 *
 * @param analytics whether the replay runs zone, line and count analytics
 * @param source where the definitions came from, for the replay's summary
 * @param drones the zones and lines of each replayed drone that has any, by drone ID in sorted order
 */
public record ReplayDefinitions(boolean analytics, String source, Map<String, DroneDefinitions> drones) {

    /**
     * The definitions of one drone.
     *
     * @param origin the file, or the control topic partition and offset of the record
     */
    public record DroneDefinitions(String droneId, DefinitionSet definitions, String origin) {
        public DroneDefinitions {
            Objects.requireNonNull(droneId, "droneId");
            Objects.requireNonNull(definitions, "definitions");
            Objects.requireNonNull(origin, "origin");
        }

        /** Returns the drone's zones and lines and their origin, for logs and summaries. */
        public String describe() {
            int zones = definitions.zones().size();
            int lines = definitions.lines().size();
            return droneId + ": " + zones + (zones == 1 ? " zone, " : " zones, ") + lines
                    + (lines == 1 ? " line" : " lines") + " from " + origin;
        }
    }

    public ReplayDefinitions {
        Objects.requireNonNull(source, "source");
        drones = Collections.unmodifiableSortedMap(new TreeMap<>(drones));
    }

    /** Returns the definitions of {@code options}: none with analytics off, else its zones file or a control topic snapshot. */
    public static ReplayDefinitions load(ReplayOptions options) {
        if (!options.analytics()) {
            return new ReplayDefinitions(false, "none, because analytics are off", Map.of());
        }
        Set<String> droneIds = options.range().droneIds();
        if (options.zonesFile().isPresent()) {
            return fromFile(options.zonesFile().get(), droneIds);
        }
        return ControlTopicSnapshot.read(options.bootstrapServers(), options.controlTopic(), droneIds);
    }

    /**
     * Reads a zone and line file in either format of {@code uavstream run --zones}. Entries of a
     * control message that name no drone belong to the replay's drone when {@code droneIds}
     * contains exactly one.
     *
     * @param droneIds the replayed drones, whose definitions are kept; empty to keep every drone's
     * @throws IllegalArgumentException naming the file, if it cannot be read or is invalid
     */
    public static ReplayDefinitions fromFile(Path file, Set<String> droneIds) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--zones: failed to read " + file + ": " + e, e);
        }
        String fallbackDrone = droneIds.size() == 1 ? droneIds.iterator().next() : null;
        DefinitionSet parsed;
        try {
            parsed = DefinitionParser.parse(json, fallbackDrone);
        } catch (InvalidDefinitionException e) {
            throw new IllegalArgumentException("--zones: invalid zones and lines in " + file + ": " + e.getMessage()
                    + (fallbackDrone == null ? " (an entry without a drone needs exactly one --drones)" : ""), e);
        }
        SortedMap<String, DroneDefinitions> drones = new TreeMap<>();
        for (String droneId : droneIdsOf(parsed)) {
            if (droneIds.isEmpty() || droneIds.contains(droneId)) {
                drones.put(droneId, new DroneDefinitions(droneId, parsed.forDrone(droneId), file.toString()));
            }
        }
        return new ReplayDefinitions(true, "file " + file, drones);
    }

    /** Returns each drone's zones and lines by drone ID, as the replay's analytics operator takes them. */
    public Map<String, DefinitionSet> definitionsByDrone() {
        Map<String, DefinitionSet> definitions = new TreeMap<>();
        drones.forEach((droneId, drone) -> definitions.put(droneId, drone.definitions()));
        return definitions;
    }

    /** Returns one line per drone with its zones, lines and origin. */
    public List<String> describeDrones() {
        return drones.values().stream().map(DroneDefinitions::describe).toList();
    }

    private static SortedSet<String> droneIdsOf(DefinitionSet definitions) {
        SortedSet<String> droneIds = new TreeSet<>();
        definitions.zones().forEach(zone -> droneIds.add(zone.droneId()));
        definitions.lines().forEach(line -> droneIds.add(line.droneId()));
        return droneIds;
    }
}
