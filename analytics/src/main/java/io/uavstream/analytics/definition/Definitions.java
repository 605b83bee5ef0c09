package io.uavstream.analytics.definition;

import io.uavstream.analytics.geometry.Point2;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks shared by zone and line definitions. */
final class Definitions {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Definitions() {
    }

    static String requireId(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 128 characters of letters, digits, '.', '_', ':' "
                    + "or '-', got " + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }

    static Set<String> copyClasses(Set<String> classes) {
        if (classes == null) {
            throw new IllegalArgumentException("Class filter must not be null; pass an empty set to match every class");
        }
        for (String className : classes) {
            if (className == null || className.isBlank()) {
                throw new IllegalArgumentException("Class filter entries must be non-blank, got " + classes);
            }
        }
        return Set.copyOf(classes);
    }

    static void requireInSpace(Point2 point, CoordinateSpace space, String what) {
        if (space == CoordinateSpace.WGS84 && (Math.abs(point.x()) > 180 || Math.abs(point.y()) > 90)) {
            throw new IllegalArgumentException(what + " " + point
                    + " is not a WGS84 position: longitude (x) must be in [-180, 180], latitude (y) in [-90, 90]");
        }
    }
}
