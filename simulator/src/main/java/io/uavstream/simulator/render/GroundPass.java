package io.uavstream.simulator.render;

import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.scene.DetailTexture;
import io.uavstream.simulator.scene.ElevationLevels;
import io.uavstream.simulator.scene.Scene;

/**
 * Casts each pixel's ray onto the scene: the ground plane z = 0, then horizontal planes every
 * {@link ElevationLevels#PLANE_SPACING} metres from the highest level down, to find raised
 * surfaces (roofs, canopies, decks) that the ray meets before the ground.
 *
 * <p>The ground point comes from one division per pixel. The point on the plane at height h is the
 * ground point moved towards the camera's foot point by h / camera height, which needs no further
 * division. Colours are sampled bilinearly from the mip level whose texel matches the pixel's
 * footprint, and modulated by two samples of the detail texture at different scales.
 *
 * <p>Where a plane point lies on a texel whose level is that plane's height, the ray meets that
 * top. Where it lies inside a taller body, the ray entered through a side: walls of built bodies
 * are drawn in their roof's average colour with darker window rows per plane, canopy sides in the
 * darkened canopy colour. Canopies have sides only over their upper part and thin slabs (bridge
 * decks) have none; the ground below both is drawn in their shade. NOTE: sides are only tested at the planes and at the ground. A ray that crosses
 * the corner of a body between two planes and reaches the ground behind it shows that ground, so
 * the edges of sides step every 2.5 m of height.
 *
 * <p>Instances are immutable and may render disjoint row ranges from several threads.
 */
final class GroundPass {

    /** Brightness of a raised body's sides relative to its top, 8.8 fixed point. */
    static final int SIDE_SHADE = 150;
    /** Brightness of the ground under a thin slab, 8.8 fixed point. */
    static final int UNDER_SLAB_SHADE = 110;
    private static final int WINDOW = 0x343C48;

    private static final int SKY = 0xB4C8DC;

    private final Scene scene;
    private final int[][] groundLevels;
    private final int[] groundLog2;
    private final int[][] detailLevels;
    private final byte[] elevation;
    private final byte[] coarse;
    private final int mapLog2;
    private final int mapMask;
    private final int coarseLog2;
    private final int coarseShift;
    private final float[] levelHeights;
    /** Heights of the tested planes, highest first. */
    private final float[] planeHeights;
    /** Per elevation level, the index of the plane at that level's height. */
    private final int[] planeIndexAtOrBelow;
    private final float texelsPerMetre;
    private final float minCoordinate;
    private final float detailPerTexel;

    GroundPass(Scene scene) {
        this.scene = scene;
        int levels = scene.ground().levelCount();
        this.groundLevels = new int[levels][];
        this.groundLog2 = new int[levels];
        for (int k = 0; k < levels; k++) {
            groundLevels[k] = scene.ground().level(k);
            groundLog2[k] = scene.ground().log2Size(k);
        }
        this.detailLevels = new int[scene.detail().levelCount()][];
        for (int k = 0; k < detailLevels.length; k++) {
            detailLevels[k] = scene.detail().level(k);
        }
        this.elevation = scene.elevation();
        this.coarse = scene.coarseElevation();
        this.mapLog2 = groundLog2[0];
        this.mapMask = scene.sizeTexels() - 1;
        this.coarseShift = Integer.numberOfTrailingZeros(Scene.COARSE_CELL_TEXELS);
        this.coarseLog2 = mapLog2 - coarseShift;
        this.levelHeights = new float[ElevationLevels.count()];
        for (int k = 0; k < levelHeights.length; k++) {
            levelHeights[k] = ElevationLevels.height(k);
        }
        int planes = Math.round(ElevationLevels.maxHeight() / ElevationLevels.PLANE_SPACING);
        this.planeHeights = new float[planes];
        for (int m = 0; m < planes; m++) {
            planeHeights[m] = (planes - m) * ElevationLevels.PLANE_SPACING;
        }
        this.planeIndexAtOrBelow = new int[levelHeights.length];
        for (int level = 1; level < levelHeights.length; level++) {
            planeIndexAtOrBelow[level] = planes - Math.round(levelHeights[level] / ElevationLevels.PLANE_SPACING);
        }
        this.texelsPerMetre = (float) (1 / Scene.TEXEL_METRES);
        this.minCoordinate = (float) scene.minCoordinate();
        this.detailPerTexel = (float) (Scene.TEXEL_METRES / DetailTexture.TEXEL_METRES);
    }

    /** Side in pixels of the screen tiles whose rays are checked together for raised bodies. */
    private static final int TILE = 16;

    /** The camera of one frame in texel units, with the plane offsets derived from it. */
    private final class View {
        final float xx;
        final float xy;
        final float xz;
        final float yx;
        final float yy;
        final float yz;
        final float zx;
        final float zy;
        final float zz;
        final float camX;
        final float camY;
        final float camZ;
        final float focal;
        final float[] planeFraction = new float[planeHeights.length];
        final float maxShift;

        View(Camera camera) {
            Rotation r = camera.cameraToWorld();
            xx = (float) r.element(0, 0);
            xy = (float) r.element(1, 0);
            xz = (float) r.element(2, 0);
            yx = (float) r.element(0, 1);
            yy = (float) r.element(1, 1);
            yz = (float) r.element(2, 1);
            zx = (float) r.element(0, 2);
            zy = (float) r.element(1, 2);
            zz = (float) r.element(2, 2);
            camX = (float) ((camera.position().x() - minCoordinate) * texelsPerMetre);
            camY = (float) ((camera.position().y() - minCoordinate) * texelsPerMetre);
            camZ = (float) (camera.position().z() * texelsPerMetre);
            focal = (float) camera.intrinsics().fx();
            for (int m = 0; m < planeHeights.length; m++) {
                planeFraction[m] = Math.min(0.999f, planeHeights[m] * texelsPerMetre / camZ);
            }
            maxShift = planeFraction[0];
        }
    }

    /**
     * Renders rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) into {@code rgb} (packed
     * 0xRRGGBB per pixel) and sets {@code raised[p]} to 1 where a raised top covers the pixel.
     */
    void render(Camera camera, RayTable rays, int width, int fromRow, int toRow, int[] rgb, byte[] raised) {
        View view = new View(camera);
        float[] rowX = new float[width];
        float[] rowY = new float[width];
        int tiles = (width + TILE - 1) / TILE;
        boolean[] tileMayBeRaised = new boolean[tiles];

        for (int v = fromRow; v < toRow; v++) {
            if ((v - fromRow) % TILE == 0) {
                int lastRow = Math.min(toRow, v + TILE) - 1;
                for (int tile = 0; tile < tiles; tile++) {
                    tileMayBeRaised[tile] = tileMayBeRaised(view, rays, tile * TILE, Math.min(width, (tile + 1) * TILE) - 1, v, lastRow);
                }
            }
            rays.row(v, rowX, rowY);
            int out = v * width;
            for (int u = 0; u < width; u++, out++) {
                float nx = rowX[u];
                float ny = rowY[u];
                float dx = nx * view.xx + ny * view.yx + view.zx;
                float dy = nx * view.xy + ny * view.yy + view.zy;
                float dz = nx * view.xz + ny * view.yz + view.zz;
                raised[out] = 0;
                if (dz > -0.02f) {
                    rgb[out] = SKY;
                    continue;
                }
                float inverse = 1 / dz;
                float gx = view.camX - view.camZ * dx * inverse;
                float gy = view.camY - view.camZ * dy * inverse;
                // Footprint of the pixel on the ground along its longer axis, in level-0 texels.
                float footprint = view.camZ * (dx * dx + dy * dy + dz * dz) * inverse * inverse / view.focal;
                if (!tileMayBeRaised[u / TILE]) {
                    rgb[out] = sample(gx, gy, footprint);
                    continue;
                }
                float toCameraX = view.camX - gx;
                float toCameraY = view.camY - gy;
                int firstPlane = firstPlane(gx, gy, toCameraX * view.maxShift, toCameraY * view.maxShift);
                rgb[out] = firstPlane < planeHeights.length
                        ? raisedColor(gx, gy, toCameraX, toCameraY, footprint, view.planeFraction, firstPlane, raised, out)
                        : sample(gx, gy, footprint);
            }
        }
    }

    /**
     * Returns whether any pixel of the tile (columns u0 to u1, rows v0 to v1) may see a raised body.
     * Because a projective map keeps straight lines, the rays of the tile meet the ground inside the
     * quadrilateral of its corner rays, and the highest plane inside that quadrilateral moved
     * towards the camera. The tile is flat when every coarse cell under the bounding box of both
     * quadrilaterals is flat. Lens distortion bends the tile's edges by far less than the one
     * coarse cell of margin.
     */
    private boolean tileMayBeRaised(View view, RayTable rays, int u0, int u1, int v0, int v1) {
        float minX = Float.POSITIVE_INFINITY;
        float maxX = Float.NEGATIVE_INFINITY;
        float minY = Float.POSITIVE_INFINITY;
        float maxY = Float.NEGATIVE_INFINITY;

        int[] us = {u0, u1, u0, u1};
        int[] vs = {v0, v0, v1, v1};
        for (int k = 0; k < 4; k++) {
            float nx = rays.x(us[k], vs[k]);
            float ny = rays.y(us[k], vs[k]);
            float dx = nx * view.xx + ny * view.yx + view.zx;
            float dy = nx * view.xy + ny * view.yy + view.zy;
            float dz = nx * view.xz + ny * view.yz + view.zz;
            if (dz > -0.02f) {
                return true;
            }
            float gx = view.camX - view.camZ * dx / dz;
            float gy = view.camY - view.camZ * dy / dz;
            float topX = gx + view.maxShift * (view.camX - gx);
            float topY = gy + view.maxShift * (view.camY - gy);
            minX = Math.min(minX, Math.min(gx, topX));
            maxX = Math.max(maxX, Math.max(gx, topX));
            minY = Math.min(minY, Math.min(gy, topY));
            maxY = Math.max(maxY, Math.max(gy, topY));
        }

        int cells = 1 << coarseLog2;
        int firstI = floor(minX) >> coarseShift;
        int lastI = floor(maxX) >> coarseShift;
        int firstJ = floor(minY) >> coarseShift;
        int lastJ = floor(maxY) >> coarseShift;
        if (lastI - firstI >= cells || lastJ - firstJ >= cells) {
            return true;
        }

        for (int j = firstJ; j <= lastJ; j++) {
            int row = (j & (cells - 1)) << coarseLog2;
            for (int i = firstI; i <= lastI; i++) {
                if (coarse[row | (i & (cells - 1))] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Returns the first plane (index into {@link #planeHeights}) that can meet a raised body along the
     * ray's ground segment from (gx, gy) to (gx + segmentX, gy + segmentY), the points below the
     * highest plane. The highest level of coarse cells sampled along the segment bounds it. Each
     * coarse cell contains the maximum of its 3x3 neighbourhood, so a sample covers every point
     * within one cell side of it, and samples less than two cell sides apart cover the segment.
     * Returns the plane count when no raised texel is near the segment.
     */
    private int firstPlane(float gx, float gy, float segmentX, float segmentY) {
        float length = Math.abs(segmentX) + Math.abs(segmentY);
        int steps = 1 + (int) (length / (2 * Scene.COARSE_CELL_TEXELS));
        int highest = 0;
        for (int k = 0; k <= steps; k++) {
            float t = (float) k / steps;
            highest = Math.max(highest, coarse[coarseIndex(gx + t * segmentX, gy + t * segmentY)]);
        }
        return highest == 0 ? planeHeights.length : planeIndexAtOrBelow[highest];
    }

    /**
     * Returns the colour of the first surface on the ray near raised bodies: a top, a side, or the
     * ground. Sets {@code raised[out]} when the surface is a top or a side above the lowest plane,
     * which would hide any object on the ground along the ray.
     */
    private int raisedColor(float gx, float gy, float toCameraX, float toCameraY, float footprint,
            float[] planeFraction, int firstPlane, byte[] raised, int out) {
        for (int m = firstPlane; m < planeHeights.length; m++) {
            float qx = gx + planeFraction[m] * toCameraX;
            float qy = gy + planeFraction[m] * toCameraY;
            int texel = elevation[texelIndex(qx, qy)];
            int level = texel & ElevationLevels.LEVEL_MASK;
            if (level == 0) {
                continue;
            }
            float top = levelHeights[level];
            float planeFootprint = footprint * (1 - planeFraction[m]);
            if (top == planeHeights[m]) {
                raised[out] = 1;
                return sample(qx, qy, planeFootprint);
            }
            if (top > planeHeights[m] && hasSideAt(texel, top, planeHeights[m])) {
                raised[out] = 1;
                return sideColor(qx, qy, planeFootprint, texel, m);
            }
        }
        int texel = elevation[texelIndex(gx, gy)];
        int color = sample(gx, gy, footprint);
        if (texel == 0) {
            return color;
        }
        if ((texel & (ElevationLevels.THIN | ElevationLevels.CANOPY)) != 0) {
            return shade(color, UNDER_SLAB_SHADE);
        }
        return sideColor(gx, gy, footprint, texel, planeHeights.length);
    }

    /** Returns whether a body whose texel is {@code texel} and whose top is at {@code top} metres has a side at {@code height}. */
    private static boolean hasSideAt(int texel, float top, float height) {
        if ((texel & ElevationLevels.THIN) != 0) {
            return false;
        }
        return (texel & ElevationLevels.CANOPY) == 0 || height >= top * (1 - ElevationLevels.CANOPY_DEPTH);
    }

    /** Returns the colour of a side seen at plane {@code plane} (counted from the top; the ground is the last). */
    private int sideColor(float x, float y, float footprint, int texel, int plane) {
        if ((texel & ElevationLevels.BUILT) == 0) {
            return shade(sample(x, y, footprint), SIDE_SHADE);
        }
        // Walls: the roof's average colour, so that roof details do not repeat down the wall.
        int wall = shade(sample(x, y, Math.max(footprint, 1) * 8), SIDE_SHADE);
        boolean windowRow = ((planeHeights.length - plane) & 1) == 1 && plane < planeHeights.length;
        return windowRow ? lerp(wall, WINDOW, 150) : wall;
    }

    private int texelIndex(float x, float y) {
        int i = floor(x) & mapMask;
        int j = floor(y) & mapMask;
        return (j << mapLog2) | i;
    }

    private int coarseIndex(float x, float y) {
        int i = (floor(x) & mapMask) >> coarseShift;
        int j = (floor(y) & mapMask) >> coarseShift;
        return (j << coarseLog2) | i;
    }

    /** Rounds towards negative infinity without the conversion to double that {@link Math#floor} costs. */
    static int floor(float value) {
        int truncated = (int) value;
        return value < truncated ? truncated - 1 : truncated;
    }

    /** Samples the lit colour at level-0 texel coordinates (x, y) for a pixel covering {@code footprint} texels. */
    private int sample(float x, float y, float footprint) {
        int level = footprint < 1 ? 0 : Math.min(Math.getExponent(footprint) , groundLevels.length - 1);
        int[] texels = groundLevels[level];
        int log2 = groundLog2[level];
        int mask = (1 << log2) - 1;
        float scale = 1f / (1 << level);
        float s = x * scale - 0.5f;
        float t = y * scale - 0.5f;
        int fs = floor(s);
        int ft = floor(t);
        int weightS = (int) ((s - fs) * 256);
        int weightT = (int) ((t - ft) * 256);
        int i0 = fs & mask;
        int j0 = ft & mask;
        int i1 = (i0 + 1) & mask;
        int j1 = (j0 + 1) & mask;
        int top = lerp(texels[(j0 << log2) | i0], texels[(j0 << log2) | i1], weightS);
        int bottom = lerp(texels[(j1 << log2) | i0], texels[(j1 << log2) | i1], weightS);
        int texel = lerp(top, bottom, weightT);
        int amplitude = texel >>> 24;
        if (amplitude == 0) {
            return texel & 0xFFFFFF;
        }
        int grain = detail(x, y, footprint);
        int factor = 256 + (((grain - 256) * amplitude) >> 8);
        return shade(texel, factor);
    }

    /** Returns the product of two detail samples in 8.8 fixed point: one at full scale, one 3.2 times coarser and rotated. */
    private int detail(float x, float y, float footprint) {
        float u = x * detailPerTexel;
        float v = y * detailPerTexel;
        float detailFootprint = footprint * detailPerTexel;
        int fine = detailSample(u, v, detailFootprint);
        float coarseU = (0.8f * u - 0.6f * v) * 0.3125f;
        float coarseV = (0.6f * u + 0.8f * v) * 0.3125f;
        int coarseGrain = detailSample(coarseU + 311.5f, coarseV - 97.25f, detailFootprint * 0.3125f);
        return (fine * coarseGrain) >> 8;
    }

    private int detailSample(float u, float v, float footprint) {
        int level = footprint < 1 ? 0 : Math.getExponent(footprint) + 1;
        if (level >= detailLevels.length - 2) {
            return 256;
        }
        int log2 = DetailTexture.LOG2_SIZE - level;
        int mask = (1 << log2) - 1;
        int i = (floor(u) >> level) & mask;
        int j = (floor(v) >> level) & mask;
        return detailLevels[level][(j << log2) | i];
    }

    /** Interpolates two packed colours byte by byte with weight {@code w} of {@code b}, 0 to 256. */
    static int lerp(int a, int b, int w) {
        int inverse = 256 - w;
        int evenLanes = (((a & 0xFF00FF) * inverse + (b & 0xFF00FF) * w) >>> 8) & 0xFF00FF;
        int oddLanes = (((a >>> 8) & 0xFF00FF) * inverse + ((b >>> 8) & 0xFF00FF) * w) & 0xFF00FF00;
        return evenLanes | oddLanes;
    }

    /** Scales the red, green and blue of a packed colour by {@code factor} in 8.8 fixed point, saturating at 255. */
    static int shade(int color, int factor) {
        int red = Math.min(255, (((color >>> 16) & 0xFF) * factor) >> 8);
        int green = Math.min(255, (((color >>> 8) & 0xFF) * factor) >> 8);
        int blue = Math.min(255, ((color & 0xFF) * factor) >> 8);
        return red << 16 | green << 8 | blue;
    }

    Scene scene() {
        return scene;
    }
}
