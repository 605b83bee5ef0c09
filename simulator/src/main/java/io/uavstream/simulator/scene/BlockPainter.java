package io.uavstream.simulator.scene;

import java.util.SplittableRandom;

/** Paints the ground, buildings and queued trees of one block of a given land use. */
interface BlockPainter {

    void paint(Block block, PaintContext context, SplittableRandom random);

    /** Returns the painter for a land use. */
    static BlockPainter of(LandUse landUse) {
        return switch (landUse) {
            case URBAN -> new UrbanPainter();
            case SUBURBAN -> new SuburbanPainter();
            case INDUSTRIAL -> new IndustrialPainter();
            case PARKING -> new ParkingPainter();
            case PARK -> new ParkPainter();
            case FIELD -> new FieldPainter();
            case FOREST -> new ForestPainter();
        };
    }
}
