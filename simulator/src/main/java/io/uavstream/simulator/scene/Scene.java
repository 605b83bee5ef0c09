package io.uavstream.simulator.scene;

import java.util.List;

/**
 * A generated ground scene: a square of {@link #sizeMetres()} centred on the ENU origin, painted at
 * {@link #TEXEL_METRES} per texel, with raised surfaces, roads and survey targets. Immutable and
 * shared by every drone of a run; the arrays it returns must not be modified.
 */
public final class Scene {

    /** Ground texel size in metres. */
    public static final double TEXEL_METRES = 0.5;
    /** Side, in texels, of the cells of {@link #coarseElevation()}. */
    public static final int COARSE_CELL_TEXELS = 16;

    private final long seed;
    private final int sizeTexels;
    private final GroundTexture ground;
    private final byte[] elevation;
    private final byte[] coarseElevation;
    private final DetailTexture detail;
    private final RoadNetwork roads;
    private final List<GroundControlPoint> controlPoints;
    private final List<ParkingSpot> parkingSpots;
    private final Lighting lighting;

    Scene(long seed, int sizeTexels, GroundTexture ground, byte[] elevation, DetailTexture detail, RoadNetwork roads,
            List<GroundControlPoint> controlPoints, List<ParkingSpot> parkingSpots, Lighting lighting) {
        this.seed = seed;
        this.sizeTexels = sizeTexels;
        this.ground = ground;
        this.elevation = elevation;
        this.coarseElevation = coarsen(elevation, sizeTexels);
        this.detail = detail;
        this.roads = roads;
        this.controlPoints = List.copyOf(controlPoints);
        this.parkingSpots = List.copyOf(parkingSpots);
        this.lighting = lighting;
    }

    public long seed() {
        return seed;
    }

    /** Returns the side of the square scene in metres. */
    public double sizeMetres() {
        return sizeTexels * TEXEL_METRES;
    }

    /** Returns the side in texels of ground level 0, a power of two. */
    public int sizeTexels() {
        return sizeTexels;
    }

    /** Returns the west (and south) edge of the scene in ENU metres, {@code -sizeMetres / 2}. */
    public double minCoordinate() {
        return -sizeMetres() / 2;
    }

    /** Returns whether (x, y) lies inside the scene square. */
    public boolean contains(double x, double y) {
        double half = sizeMetres() / 2;
        return x >= -half && x < half && y >= -half && y < half;
    }

    public GroundTexture ground() {
        return ground;
    }

    /** Returns the elevation byte ({@link ElevationLevels}: level index and flags) of each level-0 texel, row-major from the south-west. */
    public byte[] elevation() {
        return elevation;
    }

    /**
     * Returns, per cell of {@link #COARSE_CELL_TEXELS} texels, the highest elevation level within the
     * cell and its eight neighbours; zero means the 3x3 cells around it are flat ground.
     */
    public byte[] coarseElevation() {
        return coarseElevation;
    }

    public DetailTexture detail() {
        return detail;
    }

    public RoadNetwork roads() {
        return roads;
    }

    public List<GroundControlPoint> controlPoints() {
        return controlPoints;
    }

    public List<ParkingSpot> parkingSpots() {
        return parkingSpots;
    }

    public Lighting lighting() {
        return lighting;
    }

    /** Returns the elevation level at world (x, y); 0 outside the scene. */
    public int elevationLevelAt(double x, double y) {
        int i = (int) Math.floor((x - minCoordinate()) / TEXEL_METRES);
        int j = (int) Math.floor((y - minCoordinate()) / TEXEL_METRES);
        if (i < 0 || j < 0 || i >= sizeTexels || j >= sizeTexels) {
            return 0;
        }
        return elevation[j * sizeTexels + i] & ElevationLevels.LEVEL_MASK;
    }

    private static byte[] coarsen(byte[] elevation, int size) {
        int cells = size / COARSE_CELL_TEXELS;
        byte[] max = new byte[cells * cells];
        for (int j = 0; j < size; j++) {
            int row = (j / COARSE_CELL_TEXELS) * cells;
            for (int i = 0; i < size; i++) {
                int cell = row + i / COARSE_CELL_TEXELS;
                byte level = (byte) (elevation[j * size + i] & ElevationLevels.LEVEL_MASK);
                if (level > max[cell]) {
                    max[cell] = level;
                }
            }
        }
        byte[] dilated = new byte[cells * cells];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                byte best = 0;
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        int ni = (i + di + cells) % cells;
                        int nj = (j + dj + cells) % cells;
                        best = (byte) Math.max(best, max[nj * cells + ni]);
                    }
                }
                dilated[j * cells + i] = best;
            }
        }
        return dilated;
    }
}
