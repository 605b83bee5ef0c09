package io.uavstream.analytics.definition;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Zones and lines, for one drone or several; the unit that a control message replaces. Zone IDs
 * are unique among zones, line IDs among lines.
 */
public record DefinitionSet(List<ZoneDefinition> zones, List<LineDefinition> lines) implements Serializable {

    public static final DefinitionSet EMPTY = new DefinitionSet(List.of(), List.of());

    public DefinitionSet {
        zones = List.copyOf(zones);
        lines = List.copyOf(lines);
        requireUnique(zones.stream().map(ZoneDefinition::id).toList(), "zone");
        requireUnique(lines.stream().map(LineDefinition::id).toList(), "line");
    }

    /** Returns the zones and lines of one drone, in their order here. */
    public DefinitionSet forDrone(String droneId) {
        return new DefinitionSet(
                zones.stream().filter(zone -> zone.droneId().equals(droneId)).toList(),
                lines.stream().filter(line -> line.droneId().equals(droneId)).toList());
    }

    private static void requireUnique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("Duplicate " + what + " ID \"" + id + "\"");
            }
        }
    }
}
