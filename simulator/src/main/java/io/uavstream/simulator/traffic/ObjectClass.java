package io.uavstream.simulator.traffic;

import io.uavstream.simulator.render.ObjectShape;

/**
 * Classes of moving objects with their ground-truth category IDs, typical sizes in metres and
 * cruising speeds in metres per second.
 *
 * <p>The category IDs are those of the VisDrone2019 benchmark (1 pedestrian, 3 bicycle, 4 car,
 * 5 van, 6 truck, 9 bus, 10 motor), which the MOT files use in their class column. {@link
 * #cocoName()} gives the matching COCO class name that COCO-trained detectors output.
 */
public enum ObjectClass {
    PEDESTRIAN(1, "pedestrian", "person", ObjectShape.PERSON, 0.5, 0.45, 1.75, 1.0, 1.7),
    BICYCLE(3, "bicycle", "bicycle", ObjectShape.TWO_WHEELER, 1.8, 0.6, 1.7, 3.5, 6.5),
    CAR(4, "car", "car", ObjectShape.CAR, 4.5, 1.8, 1.5, 8.5, 15),
    VAN(5, "van", "car", ObjectShape.VAN, 5.2, 2.0, 2.3, 8, 14),
    TRUCK(6, "truck", "truck", ObjectShape.TRUCK, 9.5, 2.5, 3.6, 7, 12.5),
    BUS(9, "bus", "bus", ObjectShape.BUS, 12, 2.55, 3.2, 7, 12),
    MOTOR(10, "motor", "motorcycle", ObjectShape.TWO_WHEELER, 2.1, 0.8, 1.5, 9, 16);

    private final int categoryId;
    private final String categoryName;
    private final String cocoName;
    private final ObjectShape shape;
    private final double length;
    private final double width;
    private final double height;
    private final double minSpeed;
    private final double maxSpeed;

    ObjectClass(int categoryId, String categoryName, String cocoName, ObjectShape shape, double length, double width,
            double height, double minSpeed, double maxSpeed) {
        this.categoryId = categoryId;
        this.categoryName = categoryName;
        this.cocoName = cocoName;
        this.shape = shape;
        this.length = length;
        this.width = width;
        this.height = height;
        this.minSpeed = minSpeed;
        this.maxSpeed = maxSpeed;
    }

    /** Returns the VisDrone category ID written to the class column of the MOT files. */
    public int categoryId() {
        return categoryId;
    }

    /** Returns the VisDrone category name, for example {@code pedestrian}. */
    public String categoryName() {
        return categoryName;
    }

    /** Returns the COCO class name of this class, for example {@code person}. */
    public String cocoName() {
        return cocoName;
    }

    public ObjectShape shape() {
        return shape;
    }

    /** Returns the typical length in metres; instances vary by up to 8 %. */
    public double length() {
        return length;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Returns the lowest cruising speed in metres per second. */
    public double minSpeed() {
        return minSpeed;
    }

    /** Returns the highest cruising speed in metres per second. */
    public double maxSpeed() {
        return maxSpeed;
    }

    /** Returns whether the class drives in the traffic lanes. */
    public boolean isMotorVehicle() {
        return this == CAR || this == VAN || this == TRUCK || this == BUS || this == MOTOR;
    }

    /** Returns the class with VisDrone category ID {@code id}. */
    public static ObjectClass ofCategoryId(int id) {
        for (ObjectClass value : values()) {
            if (value.categoryId == id) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown object category ID " + id);
    }

    /** Returns the class named {@code name} (the VisDrone category name, case-insensitive). */
    public static ObjectClass ofCategoryName(String name) {
        for (ObjectClass value : values()) {
            if (value.categoryName.equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown object class '" + name + "'; known: pedestrian, bicycle, car, van, truck, bus, motor");
    }
}
