package io.uavstream.tracking.testing;

import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded synthetic drone footage for stress tests and benchmarks: objects of two classes move in
 * a 1920 x 1080 scene and bounce off its borders, the camera shakes (translation and rotation
 * that drift back towards rest), detections get pixel noise, random scores, misses and clutter.
 */
public final class BusyScene {

    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;

    private static final double MISS_PROBABILITY = 0.08;
    private static final int CLUTTER_PER_FRAME = 3;

    /** One frame: the tracker's input together with the ground truth of each detection. */
    public record Frame(long captureTimeMicros, List<LabeledDetection> detections, Optional<Homography> cameraMotion) {

        public List<TrackerDetection> trackerDetections() {
            List<TrackerDetection> result = new ArrayList<>(detections.size());
            for (LabeledDetection detection : detections) {
                result.add(detection.detection());
            }
            return result;
        }
    }

    private BusyScene() {
    }

    /**
     * Generates the frames.
     *
     * @param variableFrameRate frame intervals uniform in 20 to 60 ms when true, 1/30 s otherwise
     */
    public static List<Frame> generate(long seed, int objectCount, int frameCount, boolean variableFrameRate) {
        Random random = new Random(seed);
        double[][] objects = new double[objectCount][];
        for (int i = 0; i < objectCount; i++) {
            double size = 24 + random.nextDouble() * 56;
            objects[i] = new double[] {
                size + random.nextDouble() * (WIDTH - 2 * size),
                size + random.nextDouble() * (HEIGHT - 2 * size),
                (random.nextDouble() * 2 - 1) * 150,
                (random.nextDouble() * 2 - 1) * 150,
                size,
                size * (0.6 + random.nextDouble() * 0.8),
                random.nextInt(2),
            };
        }
        List<Frame> frames = new ArrayList<>(frameCount);
        double seconds = 0;
        double[] camera = new double[3];
        Homography previousCamera = Homography.identity();
        for (int frame = 0; frame < frameCount; frame++) {
            double dt = variableFrameRate ? 0.020 + random.nextDouble() * 0.040 : 1.0 / 30;
            if (frame > 0) {
                seconds += dt;
                moveObjects(objects, dt);
            }
            shake(camera, random);
            Homography currentCamera = cameraHomography(camera);
            Homography motion = currentCamera.after(invertAffine(previousCamera));
            previousCamera = currentCamera;
            List<LabeledDetection> detections = detect(objects, currentCamera, random);
            frames.add(new Frame(SyntheticFrames.micros(seconds), detections,
                    frame == 0 ? Optional.empty() : Optional.of(motion)));
        }
        return frames;
    }

    private static void moveObjects(double[][] objects, double dt) {
        for (double[] object : objects) {
            for (int axis = 0; axis < 2; axis++) {
                double limit = axis == 0 ? WIDTH : HEIGHT;
                double half = object[4 + axis] / 2;
                object[axis] += object[2 + axis] * dt;
                if (object[axis] < half || object[axis] > limit - half) {
                    object[2 + axis] = -object[2 + axis];
                    object[axis] = Math.max(half, Math.min(limit - half, object[axis]));
                }
            }
        }
    }

    /** Moves the camera pose (tx, ty in pixels, angle in radians) a random step that drifts back to rest. */
    private static void shake(double[] camera, Random random) {
        camera[0] = 0.9 * camera[0] + (random.nextDouble() * 2 - 1) * 12;
        camera[1] = 0.9 * camera[1] + (random.nextDouble() * 2 - 1) * 12;
        camera[2] = 0.9 * camera[2] + (random.nextDouble() * 2 - 1) * Math.toRadians(0.5);
    }

    private static Homography cameraHomography(double[] camera) {
        return Homography.translation(camera[0], camera[1])
                .after(Homography.rotation(WIDTH / 2, HEIGHT / 2, camera[2], 1));
    }

    /** Returns the inverse of an affine homography (h31 = h32 = 0), such as a camera pose. */
    private static Homography invertAffine(Homography affine) {
        double[] m = affine.toArray();
        double a = m[0];
        double b = m[1];
        double c = m[3];
        double d = m[4];
        double determinant = a * d - b * c;
        double ia = d / determinant;
        double ib = -b / determinant;
        double ic = -c / determinant;
        double id = a / determinant;
        double tx = -(ia * m[2] + ib * m[5]);
        double ty = -(ic * m[2] + id * m[5]);
        return Homography.of(ia, ib, tx, ic, id, ty, 0, 0, 1);
    }

    private static List<LabeledDetection> detect(double[][] objects, Homography camera, Random random) {
        List<LabeledDetection> detections = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            double[] object = objects[i];
            if (random.nextDouble() < MISS_PROBABILITY) {
                continue;
            }
            Box box = camera.map(Box.ofCenter(object[0], object[1], object[4], object[5]));
            Box noisy = box.translate((random.nextDouble() * 2 - 1) * 2, (random.nextDouble() * 2 - 1) * 2);
            double score = 0.3 + random.nextDouble() * 0.7;
            detections.add(new LabeledDetection(i, new TrackerDetection((int) object[6], score, noisy)));
        }
        for (int i = 0; i < CLUTTER_PER_FRAME; i++) {
            double size = 20 + random.nextDouble() * 40;
            Box box = Box.ofCenter(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT, size, size);
            double score = 0.1 + random.nextDouble() * 0.6;
            detections.add(new LabeledDetection(LabeledDetection.CLUTTER,
                    new TrackerDetection(random.nextInt(2), score, box)));
        }
        return detections;
    }
}
