package io.uavstream.tracking.testing;

import io.uavstream.tracking.TrackerDetection;
import io.uavstream.tracking.geometry.Box;
import io.uavstream.tracking.geometry.Homography;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/** Detector output of synthetic scenes, with seeded pixel noise. */
public final class SyntheticFrames {

    private SyntheticFrames() {
    }

    /** Returns the capture time in microseconds of a time in seconds. */
    public static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    /**
     * Returns one detection per object at {@code seconds}: the object's box mapped by
     * {@code camera} (scene pixels to image pixels), with each corner moved by uniform noise of up
     * to {@code jitterPixels}.
     */
    public static List<LabeledDetection> detect(Collection<MovingObject> objects, double seconds, Homography camera,
            double score, double jitterPixels, Random random) {
        List<LabeledDetection> detections = new ArrayList<>();
        for (MovingObject object : objects) {
            Box box = jitter(camera.map(object.boxAt(seconds)), jitterPixels, random);
            detections.add(new LabeledDetection(object.objectId(), new TrackerDetection(object.classId(), score, box)));
        }
        return detections;
    }

    /** As {@link #detect} with a still camera. */
    public static List<LabeledDetection> detect(
            Collection<MovingObject> objects, double seconds, double score, double jitterPixels, Random random) {
        return detect(objects, seconds, Homography.identity(), score, jitterPixels, random);
    }

    private static Box jitter(Box box, double jitterPixels, Random random) {
        if (jitterPixels == 0) {
            return box;
        }
        double x1 = box.x1() + noise(jitterPixels, random);
        double y1 = box.y1() + noise(jitterPixels, random);
        double x2 = box.x2() + noise(jitterPixels, random);
        double y2 = box.y2() + noise(jitterPixels, random);
        return new Box(x1, y1, Math.max(x2, x1 + 1), Math.max(y2, y1 + 1));
    }

    private static double noise(double amplitude, Random random) {
        return (random.nextDouble() * 2 - 1) * amplitude;
    }
}
