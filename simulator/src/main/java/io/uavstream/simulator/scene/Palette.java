package io.uavstream.simulator.scene;

/** Base colours of the scene's materials before lighting, packed as in {@link Colors}. */
final class Palette {

    static final int ASPHALT = Colors.pack(72, 74, 77, 70);
    static final int ASPHALT_MAIN = Colors.pack(62, 64, 68, 70);
    static final int SIDEWALK = Colors.pack(168, 165, 158, 60);
    static final int KERB = Colors.pack(190, 188, 182, 30);
    static final int PAVING = Colors.pack(152, 146, 138, 45);
    static final int MARKING = Colors.pack(228, 228, 222, 30);
    static final int GRASS = Colors.pack(86, 120, 56, 130);
    static final int LAWN = Colors.pack(98, 140, 66, 110);
    static final int DRY_GRASS = Colors.pack(146, 142, 86, 120);
    static final int FOREST_FLOOR = Colors.pack(68, 78, 44, 140);
    static final int SOIL = Colors.pack(122, 96, 72, 130);
    static final int WHEAT = Colors.pack(196, 174, 104, 100);
    static final int CROP = Colors.pack(82, 132, 52, 110);
    static final int PATH = Colors.pack(178, 164, 136, 90);
    static final int WATER = Colors.pack(52, 78, 92, 12);
    static final int POOL = Colors.pack(64, 172, 204, 8);
    static final int BALLAST = Colors.pack(118, 108, 98, 170);
    static final int RAIL = Colors.pack(58, 52, 48, 40);
    static final int DECK = Colors.pack(150, 148, 144, 60);
    static final int CONTROL_POINT = Colors.pack(255, 0, 255, 0);

    static final int[] ROOFS = {
        Colors.pack(86, 86, 92, 60), Colors.pack(166, 88, 62, 70), Colors.pack(122, 82, 62, 70),
        Colors.pack(72, 78, 88, 60), Colors.pack(176, 176, 170, 50), Colors.pack(142, 136, 128, 60),
    };
    static final int[] INDUSTRIAL_ROOFS = {
        Colors.pack(206, 206, 200, 30), Colors.pack(184, 188, 192, 30), Colors.pack(150, 160, 166, 40),
    };
    static final int[] CANOPIES = {
        Colors.pack(54, 94, 40, 150), Colors.pack(70, 108, 44, 150), Colors.pack(46, 80, 38, 150),
        Colors.pack(88, 112, 50, 150), Colors.pack(132, 112, 52, 150),
    };
    static final int[] FIELD_CROPS = {WHEAT, CROP, SOIL, DRY_GRASS, Colors.pack(110, 150, 70, 110)};

    private Palette() {}
}
