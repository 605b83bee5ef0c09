package io.uavstream.simulator.render;

import io.uavstream.simulator.camera.Camera;
import io.uavstream.simulator.camera.ImagePoint;
import io.uavstream.simulator.geo.Vec3;
import io.uavstream.simulator.scene.Lighting;
import io.uavstream.simulator.scene.Polygons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws objects as shaded boxes over the rendered ground: first their shadows on the ground, then
 * the boxes from the farthest to the nearest, each as its visible side faces and its top with
 * decorations. Pixels covered by a raised surface (canopy, roof, deck) stay as they are, which is
 * how trees and bridges hide objects.
 *
 * <p>Faces are filled as straight-edged polygons between the projected corners. NOTE: with lens
 * distortion the true edges bow slightly; over an object a few metres long the difference is far
 * below a pixel.
 */
final class ObjectPass {

    /** Brightness of a side face turned away from the sun relative to the top, 8.8 fixed point. */
    private static final int SIDE_SHADE = 165;
    private static final int GLASS = 0x2A303A;
    private static final int HEAD = 0x3A2E26;

    private final int width;
    private final int height;
    private final Lighting lighting;
    private final PolygonRasterizer rasterizer;
    private final int[] stamp;
    private int serial;
    private final double[] us = new double[16];
    private final double[] vs = new double[16];

    ObjectPass(int width, int height, Lighting lighting) {
        this.width = width;
        this.height = height;
        this.lighting = lighting;
        this.rasterizer = new PolygonRasterizer(width, height);
        this.stamp = new int[width * height];
    }

    /** A projected object: its eight corners, bottom then top, and its distance from the camera. */
    private record Candidate(RenderObject object, double[] cornerU, double[] cornerV, double distance, double depth) {}

    /**
     * Draws the objects into {@code rgb}, records in {@code owner} the index (into the returned list)
     * of the object shown at each pixel, -1 for none, and returns one view per object with at least
     * one silhouette pixel in the image, ordered by object ID.
     */
    List<ObjectView> render(Camera camera, List<RenderObject> objects, int[] rgb, byte[] raised, int[] owner) {
        java.util.Arrays.fill(owner, -1);
        List<Candidate> candidates = new ArrayList<>();
        for (RenderObject object : objects) {
            Candidate candidate = project(camera, object);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        int shadowFactor = (int) Math.round(256 * lighting.shadowRatio());
        nextSerial();
        int shadowSerial = serial;
        for (Candidate candidate : candidates) {
            drawShadow(camera, candidate.object(), rgb, raised, shadowSerial, shadowFactor);
        }

        candidates.sort(Comparator.comparingDouble(Candidate::distance).reversed()
                .thenComparingInt(c -> c.object().id()));
        int[] silhouette = new int[candidates.size()];
        for (int index = 0; index < candidates.size(); index++) {
            silhouette[index] = drawBox(camera, candidates.get(index), index, rgb, raised, owner);
        }
        int[] visible = new int[candidates.size()];
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] >= 0) {
                visible[owner[p]]++;
            }
        }
        return views(candidates, silhouette, visible, owner);
    }

    private List<ObjectView> views(List<Candidate> candidates, int[] silhouette, int[] visible, int[] owner) {
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < candidates.size(); index++) {
            if (silhouette[index] > 0) {
                order.add(index);
            }
        }
        order.sort(Comparator.comparingInt(index -> candidates.get(index).object().id()));
        int[] remap = new int[candidates.size()];
        java.util.Arrays.fill(remap, -1);
        List<ObjectView> views = new ArrayList<>(order.size());
        for (int index : order) {
            Candidate c = candidates.get(index);
            remap[index] = views.size();
            views.add(new ObjectView(c.object().id(), clamp(min(c.cornerU()), width), clamp(min(c.cornerV()), height),
                    clamp(max(c.cornerU()), width), clamp(max(c.cornerV()), height),
                    silhouette[index], visible[index], c.depth()));
        }
        for (int p = 0; p < owner.length; p++) {
            if (owner[p] >= 0) {
                owner[p] = remap[owner[p]];
            }
        }
        return views;
    }

    private Candidate project(Camera camera, RenderObject object) {
        double[] cornerU = new double[8];
        double[] cornerV = new double[8];
        for (int k = 0; k < 8; k++) {
            ImagePoint point = camera.project(corner(object, (k & 4) == 0 ? 0.5 : -0.5, (k & 2) == 0 ? 0.5 : -0.5,
                    (k & 1) == 0 ? 0 : object.height()));
            if (point == null) {
                return null;
            }
            cornerU[k] = point.u();
            cornerV[k] = point.v();
        }
        if (max(cornerU) <= 0 || min(cornerU) >= width || max(cornerV) <= 0 || min(cornerV) >= height) {
            return null;
        }
        Vec3 centre = new Vec3(object.x(), object.y(), object.z() + object.height() / 2);
        ImagePoint centrePoint = camera.project(centre);
        double depth = centrePoint == null ? 0 : centrePoint.depth();
        return new Candidate(object, cornerU, cornerV, centre.minus(camera.position()).norm(), depth);
    }

    /** Returns the world point at fractions ({@code along}, {@code across}) of the box's length and width, {@code up} metres above its base. */
    private static Vec3 corner(RenderObject object, double along, double across, double up) {
        double heading = Math.toRadians(object.headingDegrees());
        double fx = Math.sin(heading);
        double fy = Math.cos(heading);
        double a = along * object.length();
        double c = across * object.width();
        return new Vec3(object.x() + fx * a + fy * c, object.y() + fy * a - fx * c, object.z() + up);
    }

    private void drawShadow(Camera camera, RenderObject object, int[] rgb, byte[] raised, int shadowSerial, int factor) {
        double[] offset = lighting.shadowOffset(object.height());
        double[] points = new double[16];
        for (int k = 0; k < 4; k++) {
            Vec3 base = corner(object, (k & 2) == 0 ? 0.5 : -0.5, (k & 1) == 0 ? 0.5 : -0.5, 0);
            points[4 * k] = base.x();
            points[4 * k + 1] = base.y();
            points[4 * k + 2] = base.x() + offset[0];
            points[4 * k + 3] = base.y() + offset[1];
        }
        double[] hull = Polygons.convexHull(points);
        int count = hull.length / 2;
        for (int k = 0; k < count; k++) {
            ImagePoint point = camera.project(new Vec3(hull[2 * k], hull[2 * k + 1], object.z()));
            if (point == null) {
                return;
            }
            us[k] = point.u();
            vs[k] = point.v();
        }
        rasterizer.fill(us, vs, count, p -> {
            if (raised[p] == 0 && stamp[p] != shadowSerial) {
                stamp[p] = shadowSerial;
                rgb[p] = GroundPass.shade(rgb[p], factor);
            }
        });
    }

    /** Draws the visible faces and decorations of one box and returns its silhouette pixel count. */
    private int drawBox(Camera camera, Candidate candidate, int index, int[] rgb, byte[] raised, int[] owner) {
        RenderObject object = candidate.object();
        nextSerial();
        int boxSerial = serial;
        int[] count = new int[1];

        Vec3 eye = camera.position();
        double heading = Math.toRadians(object.headingDegrees());
        double[] sun = lighting.sunDirection();
        // Side faces: front (+along), back, right (+across), left, as corner indices bottom, bottom, top, top.
        int[][] faces = {{0, 2, 3, 1}, {4, 6, 7, 5}, {0, 4, 5, 1}, {2, 6, 7, 3}};
        double[][] normals = {
            {Math.sin(heading), Math.cos(heading)}, {-Math.sin(heading), -Math.cos(heading)},
            {Math.cos(heading), -Math.sin(heading)}, {-Math.cos(heading), Math.sin(heading)},
        };
        double[] centreOffsets = {object.length() / 2, object.length() / 2, object.width() / 2, object.width() / 2};

        for (int f = 0; f < 4; f++) {
            double faceX = object.x() + normals[f][0] * centreOffsets[f];
            double faceY = object.y() + normals[f][1] * centreOffsets[f];
            if ((eye.x() - faceX) * normals[f][0] + (eye.y() - faceY) * normals[f][1] <= 0) {
                continue;
            }
            double sunlit = Math.max(0, normals[f][0] * sun[0] + normals[f][1] * sun[1]);
            int shade = SIDE_SHADE + (int) (60 * sunlit);
            int color = GroundPass.shade(sideColor(object), shade);
            for (int k = 0; k < 4; k++) {
                us[k] = candidate.cornerU()[faces[f][k]];
                vs[k] = candidate.cornerV()[faces[f][k]];
            }
            paint(4, color, index, boxSerial, count, rgb, raised, owner);
        }

        int[] top = {1, 3, 7, 5};
        for (int k = 0; k < 4; k++) {
            us[k] = candidate.cornerU()[top[k]];
            vs[k] = candidate.cornerV()[top[k]];
        }
        paint(4, object.bodyColor(), index, boxSerial, count, rgb, raised, owner);
        decorate(camera, object, index, rgb, raised, owner);
        return count[0];
    }

    private static int sideColor(RenderObject object) {
        return object.shape() == ObjectShape.TRUCK ? object.accentColor() : object.bodyColor();
    }

    private void paint(int corners, int color, int index, int boxSerial, int[] count, int[] rgb, byte[] raised, int[] owner) {
        rasterizer.fill(us, vs, corners, p -> {
            if (stamp[p] != boxSerial) {
                stamp[p] = boxSerial;
                count[0]++;
            }
            if (raised[p] == 0) {
                rgb[p] = color;
                owner[p] = index;
            }
        });
    }

    /** Paints windows, cab, roof units or head on the top face; these pixels are already part of the silhouette. */
    private void decorate(Camera camera, RenderObject object, int index, int[] rgb, byte[] raised, int[] owner) {
        int body = object.bodyColor();
        int accent = object.accentColor();
        switch (object.shape()) {
            case CAR -> {
                topPatch(camera, object, 0.12, 0.3, -0.42, 0.42, GLASS, index, rgb, raised, owner);
                topPatch(camera, object, -0.22, 0.12, -0.42, 0.42, GroundPass.shade(body, 280), index, rgb, raised, owner);
                topPatch(camera, object, -0.36, -0.22, -0.4, 0.4, GLASS, index, rgb, raised, owner);
            }
            case VAN -> topPatch(camera, object, 0.3, 0.42, -0.44, 0.44, GLASS, index, rgb, raised, owner);
            case TRUCK -> {
                topPatch(camera, object, 0.27, 0.5, -0.5, 0.5, accent, index, rgb, raised, owner);
                topPatch(camera, object, 0.24, 0.27, -0.5, 0.5, 0x202020, index, rgb, raised, owner);
            }
            case BUS -> {
                topPatch(camera, object, 0.05, 0.2, -0.3, 0.3, 0xB8B8B4, index, rgb, raised, owner);
                topPatch(camera, object, -0.3, -0.15, -0.3, 0.3, 0xB8B8B4, index, rgb, raised, owner);
            }
            case PERSON -> topPatch(camera, object, -0.22, 0.22, -0.25, 0.25, accent, index, rgb, raised, owner);
            case TWO_WHEELER -> topPatch(camera, object, -0.12, 0.08, -0.35, 0.35, accent, index, rgb, raised, owner);
            case PLAIN -> {
                // No decoration.
            }
        }
    }

    private void topPatch(Camera camera, RenderObject object, double along0, double along1, double across0,
            double across1, int color, int index, int[] rgb, byte[] raised, int[] owner) {
        double[][] corners = {{along1, across1}, {along1, across0}, {along0, across0}, {along0, across1}};
        for (int k = 0; k < 4; k++) {
            ImagePoint point = camera.project(corner(object, corners[k][0], corners[k][1], object.height()));
            if (point == null) {
                return;
            }
            us[k] = point.u();
            vs[k] = point.v();
        }
        rasterizer.fill(us, vs, 4, p -> {
            if (raised[p] == 0 && owner[p] == index) {
                rgb[p] = color;
            }
        });
    }

    private void nextSerial() {
        serial++;
        if (serial == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            serial = 1;
        }
    }

    private static double min(double[] values) {
        double result = Double.POSITIVE_INFINITY;
        for (double value : values) {
            result = Math.min(result, value);
        }
        return result;
    }

    private static double max(double[] values) {
        double result = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            result = Math.max(result, value);
        }
        return result;
    }

    private static double clamp(double value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
