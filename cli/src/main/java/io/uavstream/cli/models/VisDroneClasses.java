package io.uavstream.cli.models;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * VisDrone-DET class IDs, which the simulator's ground truth uses, for the class names of
 * detector descriptors (COCO names and UavDet's).
 */
final class VisDroneClasses {

    /** The classes that AP50 is averaged over: person, bicycle, car, van, truck, bus, motorcycle. */
    static final java.util.List<Integer> EVALUATED = java.util.List.of(1, 3, 4, 5, 6, 9, 10);

    static final int CAR = 4;

    private static final Map<String, Integer> IDS = Map.ofEntries(
            Map.entry("pedestrian", 1), Map.entry("person", 1), Map.entry("people", 2),
            Map.entry("bicycle", 3), Map.entry("car", 4), Map.entry("van", 5), Map.entry("truck", 6),
            Map.entry("tricycle", 7), Map.entry("awning-tricycle", 8), Map.entry("bus", 9),
            Map.entry("motor", 10), Map.entry("motorcycle", 10));

    private VisDroneClasses() {}

    /** Returns the VisDrone ID of a class name, or empty for classes VisDrone does not have. */
    static OptionalInt idOf(String className) {
        Integer id = IDS.get(className.toLowerCase(Locale.ROOT));
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }
}
