package io.uavstream.simulator.render;

/** Decoration style of an object's box: windows, cab, roof units or head. */
public enum ObjectShape {
    /** Passenger car: windscreen, roof and rear window on top. */
    CAR,
    /** Van: short windscreen at the front, long roof. */
    VAN,
    /** Lorry: cab in the accent colour, cargo box in the body colour. */
    TRUCK,
    /** Bus: long roof with air-conditioning units. */
    BUS,
    /** Standing or walking person: clothing box with a head on top. */
    PERSON,
    /** Bicycle or motorbike with rider: narrow box with the rider's head. */
    TWO_WHEELER,
    /** Plain box in the body colour, without decoration. */
    PLAIN
}
