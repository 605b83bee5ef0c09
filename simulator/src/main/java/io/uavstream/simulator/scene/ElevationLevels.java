package io.uavstream.simulator.scene;

/**
 * The heights of raised surfaces (tree canopies, roofs, bridge decks). Every raised texel stores a
 * byte: the index of one of these levels in its low four bits, plus the {@link #BUILT}, {@link
 * #THIN} and {@link #CANOPY} flags. The renderer intersects each pixel's ray with horizontal planes every {@link
 * #PLANE_SPACING} metres, which include every level height.
 *
 * <p>NOTE: raised elements are flat tops at one of these heights with vertical sides: down to the
 * ground for buildings, over the upper {@link #CANOPY_DEPTH} of the height for tree canopies, and
 * none for thin slabs. Roofs have no pitch and canopies are flat-topped cylinders, and heights are
 * quantized to this table.
 */
public final class ElevationLevels {

    /** Height in metres of each level; index 0 is the ground. */
    private static final float[] HEIGHTS = {0f, 5f, 7.5f, 10f, 15f, 20f, 25f};

    /** Vertical distance in metres between the planes the renderer tests; every level height is a multiple. */
    public static final float PLANE_SPACING = 2.5f;
    /** Mask of the level index in an elevation byte. */
    public static final int LEVEL_MASK = 0x0F;
    /** Flag of man-made bodies, whose sides are drawn as walls with window rows. */
    public static final int BUILT = 0x10;
    /** Flag of thin slabs (bridge decks): no sides, and the ground below is in their shade. */
    public static final int THIN = 0x20;
    /** Flag of tree canopies: sides only over their upper part, and the ground below is in their shade. */
    public static final int CANOPY = 0x40;
    /** Share of a tree's height that its canopy fills, from the top down; the trunk below is not drawn. */
    public static final float CANOPY_DEPTH = 0.6f;

    public static final int GROUND = 0;
    public static final int LOW_TREE = 1;
    public static final int HOUSE = 2;
    public static final int BRIDGE_DECK = 2;
    public static final int TALL_TREE = 3;

    private ElevationLevels() {}

    /** Returns the number of levels including the ground. */
    public static int count() {
        return HEIGHTS.length;
    }

    /** Returns the height of level {@code index} in metres. */
    public static float height(int index) {
        return HEIGHTS[index];
    }

    /** Returns the height of the highest level in metres. */
    public static float maxHeight() {
        return HEIGHTS[HEIGHTS.length - 1];
    }

    /** Returns the level whose height is nearest to {@code metres}, at least 1. */
    public static int nearest(double metres) {
        int best = 1;
        for (int i = 2; i < HEIGHTS.length; i++) {
            if (Math.abs(HEIGHTS[i] - metres) < Math.abs(HEIGHTS[best] - metres)) {
                best = i;
            }
        }
        return best;
    }
}
