package io.uavstream.tracking.testing;

import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded synthetic drone footage for stress tests and benchmarks. Objects of two classes cross
 * a 1920 x 1080 image along gently curving paths. An object that leaves the scene is replaced
 * by a new one, with a new ground-truth ID, entering from a random border. The camera shakes
 * with translation and rotation that drift back towards rest. Detector boxes are clipped to the
 * image and get pixel noise, random scores, misses and clutter.
 */
public final class BusyScene {

    public static final double WIDTH = 1920;
    public static final double HEIGHT = 1080;

    private static final double MISS_PROBABILITY = 0.08;
    private static final double MIN_VISIBLE_FRACTION = 0.3;
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

    /** Object in scene pixels, with {@code turnRate} in radians per second. */
    private static final class SceneObject {
        int objectId;
        int classId;
        double x;
        double y;
        double velocityX;
        double velocityY;
        double width;
        double height;
        double turnRate;
    }

    private final Random random;
    private final List<SceneObject> objects = new ArrayList<>();
    private final double[] cameraPose = new double[3];
    private int nextObjectId;

    private BusyScene(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Generates the frames.
     *
     * @param objectCount objects in the scene at any time
     * @param variableFrameRate frame intervals uniform in 20 to 60 ms when true, 1/30 s otherwise
     */
    public static List<Frame> generate(long seed, int objectCount, int frameCount, boolean variableFrameRate) {
        return new BusyScene(seed).frames(objectCount, frameCount, variableFrameRate);
    }

    private List<Frame> frames(int objectCount, int frameCount, boolean variableFrameRate) {
        for (int i = 0; i < objectCount; i++) {
            SceneObject object = spawn();
            object.x = object.width + random.nextDouble() * (WIDTH - 2 * object.width);
            object.y = object.height + random.nextDouble() * (HEIGHT - 2 * object.height);
            objects.add(object);
        }
        List<Frame> frames = new ArrayList<>(frameCount);
        double seconds = 0;
        Homography previousCamera = Homography.identity();
        for (int frame = 0; frame < frameCount; frame++) {
            if (frame > 0) {
                double dt = variableFrameRate ? 0.020 + random.nextDouble() * 0.040 : 1.0 / 30;
                seconds += dt;
                moveObjects(dt);
            }
            shakeCamera();
            Homography camera = cameraHomography();
            Optional<Homography> motion =
                    frame == 0 ? Optional.empty() : Optional.of(camera.after(invertAffine(previousCamera)));
            previousCamera = camera;
            frames.add(new Frame(SyntheticFrames.micros(seconds), detect(camera), motion));
        }
        return frames;
    }

    /** Creates an object with a new ID, placed on a random border and heading into the scene. */
    private SceneObject spawn() {
        SceneObject object = new SceneObject();
        object.objectId = nextObjectId++;
        object.classId = random.nextInt(2);
        object.width = 24 + random.nextDouble() * 56;
        object.height = object.width * (0.6 + random.nextDouble() * 0.8);
        object.turnRate = (random.nextDouble() * 2 - 1) * 0.35;
        double speed = 30 + random.nextDouble() * 120;
        double heading = random.nextDouble() * Math.PI - Math.PI / 2;
        double inwardX = Math.cos(heading) * speed;
        double acrossY = Math.sin(heading) * speed;
        switch (random.nextInt(4)) {
            case 0 -> place(object, 0, random.nextDouble() * HEIGHT, inwardX, acrossY);
            case 1 -> place(object, WIDTH, random.nextDouble() * HEIGHT, -inwardX, acrossY);
            case 2 -> place(object, random.nextDouble() * WIDTH, 0, acrossY, inwardX);
            default -> place(object, random.nextDouble() * WIDTH, HEIGHT, acrossY, -inwardX);
        }
        return object;
    }

    private static void place(SceneObject object, double x, double y, double velocityX, double velocityY) {
        object.x = x;
        object.y = y;
        object.velocityX = velocityX;
        object.velocityY = velocityY;
    }

    private void moveObjects(double dt) {
        for (int i = 0; i < objects.size(); i++) {
            SceneObject object = objects.get(i);
            double angle = object.turnRate * dt;
            double velocityX = object.velocityX * Math.cos(angle) - object.velocityY * Math.sin(angle);
            object.velocityY = object.velocityX * Math.sin(angle) + object.velocityY * Math.cos(angle);
            object.velocityX = velocityX;
            object.x += object.velocityX * dt;
            object.y += object.velocityY * dt;
            boolean leftScene = object.x < -object.width || object.x > WIDTH + object.width
                    || object.y < -object.height || object.y > HEIGHT + object.height;
            if (leftScene) {
                objects.set(i, spawn());
            }
        }
    }

    /** Moves the camera pose (tx, ty in pixels, angle in radians) a random step that drifts back to rest. */
    private void shakeCamera() {
        cameraPose[0] = 0.9 * cameraPose[0] + (random.nextDouble() * 2 - 1) * 12;
        cameraPose[1] = 0.9 * cameraPose[1] + (random.nextDouble() * 2 - 1) * 12;
        cameraPose[2] = 0.9 * cameraPose[2] + (random.nextDouble() * 2 - 1) * Math.toRadians(0.5);
    }

    private Homography cameraHomography() {
        return Homography.translation(cameraPose[0], cameraPose[1])
                .after(Homography.rotation(WIDTH / 2, HEIGHT / 2, cameraPose[2], 1));
    }

    /** Returns the inverse of an affine homography (h31 = h32 = 0), such as a camera pose. */
    private static Homography invertAffine(Homography affine) {
        double[] m = affine.toArray();
        double determinant = m[0] * m[4] - m[1] * m[3];
        double a = m[4] / determinant;
        double b = -m[1] / determinant;
        double c = -m[3] / determinant;
        double d = m[0] / determinant;
        return Homography.of(a, b, -(a * m[2] + b * m[5]), c, d, -(c * m[2] + d * m[5]), 0, 0, 1);
    }

    private List<LabeledDetection> detect(Homography camera) {
        List<LabeledDetection> detections = new ArrayList<>();
        for (SceneObject object : objects) {
            Box image = camera.map(Box.ofCenter(object.x, object.y, object.width, object.height));
            Optional<Box> visible = clipToImage(image);
            if (visible.isEmpty() || random.nextDouble() < MISS_PROBABILITY) {
                continue;
            }
            Box noisy = visible.get().translate((random.nextDouble() * 2 - 1) * 2, (random.nextDouble() * 2 - 1) * 2);
            double score = 0.3 + random.nextDouble() * 0.7;
            detections.add(new LabeledDetection(object.objectId,
                    new TrackerDetection(object.classId, score, noisy)));
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

    /** Clips the box to the image, or returns empty when less than the minimum fraction is visible. */
    private static Optional<Box> clipToImage(Box box) {
        double x1 = Math.max(0, box.x1());
        double y1 = Math.max(0, box.y1());
        double x2 = Math.min(WIDTH, box.x2());
        double y2 = Math.min(HEIGHT, box.y2());
        if (x2 <= x1 || y2 <= y1) {
            return Optional.empty();
        }
        Box clipped = new Box(x1, y1, x2, y2);
        return clipped.area() >= MIN_VISIBLE_FRACTION * box.area() ? Optional.of(clipped) : Optional.empty();
    }
}
