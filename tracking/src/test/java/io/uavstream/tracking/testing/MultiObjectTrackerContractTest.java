package io.uavstream.tracking.testing;

import static io.uavstream.tracking.testing.SyntheticFrames.detect;
import static io.uavstream.tracking.testing.SyntheticFrames.micros;
import static org.assertj.core.api.Assertions.assertThat;

import io.uavstream.tracking.MultiObjectTracker;
import io.uavstream.tracking.Track;
import io.uavstream.tracking.TrackState;
import io.uavstream.tracking.TrackerConfig;
import io.uavstream.tracking.TrackerState;
import io.uavstream.tracking.TrackerStateSerializer;
import io.uavstream.tracking.geometry.Homography;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Behaviour that every {@link MultiObjectTracker} must show, whatever its algorithm. A subclass
 * per implementation supplies the factory methods. Scenes are synthetic and seeded.
 */
public abstract class MultiObjectTrackerContractTest {

    protected static final double FRAME_30_FPS = 1.0 / 30;

    /** Creates a tracker of the implementation under test. */
    protected abstract MultiObjectTracker createTracker(TrackerConfig config);

    /** Restores a tracker of the implementation under test from a snapshot. */
    protected abstract MultiObjectTracker restoreTracker(TrackerConfig config, TrackerState state);

    /** Returns the config that the tests start from. Override it to select the algorithm. */
    protected TrackerConfig.Builder config() {
        return TrackerConfig.builder();
    }

    @Test
    void stationaryObjectsKeepIds() {
        List<MovingObject> objects = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            objects.add(MovingObject.stationary(i, 200 + 180 * (i % 4), 300 + 250 * (i / 4), 50));
        }
        Random random = new Random(11);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        for (int frame = 0; frame < 300; frame++) {
            double seconds = frame * FRAME_30_FPS;
            List<LabeledDetection> detections = detect(objects, seconds, 0.9, 1.5, random);
            detections.removeIf(detection -> random.nextDouble() < 0.05);
            recorder.frame(micros(seconds), detections, Optional.empty());
        }

        assertOneTrackIdPerObject(recorder, objects);
    }

    @Test
    void constantVelocityKeepsIdsThroughMissedSecond() {
        List<MovingObject> objects = parallelMovers();
        Random random = new Random(12);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        for (int frame = 0; frame < 150; frame++) {
            double seconds = frame * FRAME_30_FPS;
            boolean missed = frame >= 60 && frame < 90;
            List<LabeledDetection> detections = missed ? List.of() : detect(objects, seconds, 0.9, 1.0, random);
            recorder.frame(micros(seconds), detections, Optional.empty());
        }

        assertOneTrackIdPerObject(recorder, objects);
        assertAllMatchedInLatestFrame(recorder, objects);
    }

    @Test
    void constantVelocityKeepsIdsThroughFrameGap() {
        List<MovingObject> objects = parallelMovers();
        Random random = new Random(13);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        for (int frame = 0; frame < 150; frame++) {
            if (frame > 60 && frame < 90) {
                continue;
            }
            double seconds = frame * FRAME_30_FPS;
            recorder.frame(micros(seconds), detect(objects, seconds, 0.9, 1.0, random), Optional.empty());
        }

        assertOneTrackIdPerObject(recorder, objects);
        assertAllMatchedInLatestFrame(recorder, objects);
    }

    @Test
    void crossingObjectsDoNotSwapIds() {
        MovingObject front = MovingObject.moving(0, 100, 300, 200, 0, 50);
        MovingObject rear = MovingObject.moving(1, 700, 315, -200, 0, 50);
        Random random = new Random(14);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        for (int frame = 0; frame < 90; frame++) {
            double seconds = frame * FRAME_30_FPS;
            List<LabeledDetection> detections = new ArrayList<>(detect(List.of(front, rear), seconds, 0.9, 1.0, random));
            boolean occluded = Math.abs(front.boxAt(seconds).centerX() - rear.boxAt(seconds).centerX()) < 40;
            if (occluded) {
                detections.removeIf(detection -> detection.objectId() == rear.objectId());
            }
            recorder.frame(micros(seconds), detections, Optional.empty());
        }

        assertOneTrackIdPerObject(recorder, List.of(front, rear));
        assertAllMatchedInLatestFrame(recorder, List.of(front, rear));
    }

    @Test
    void cameraPanKeepsIdsWithCompensation() {
        List<MovingObject> objects = panScene();
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().cameraMotionCompensation(true).build()));

        runPan(recorder, objects);

        assertOneTrackIdPerObject(recorder, objects);
        assertAllMatchedInLatestFrame(recorder, objects);
    }

    @Test
    void cameraPanLosesIdsWithoutCompensation() {
        List<MovingObject> objects = panScene();
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().cameraMotionCompensation(false).build()));

        Map<Integer, Long> idsBeforePan = runPan(recorder, objects);

        assertThat(idsBeforePan).as("objects confirmed before the pan").hasSize(objects.size());
        for (MovingObject object : objects) {
            assertThat(recorder.latestFrameTrackIdOf(object.objectId()))
                    .as("track of object %d in the last pan frame", object.objectId())
                    .isNotEqualTo(Optional.of(idsBeforePan.get(object.objectId())));
        }
    }

    @Test
    void cameraRotationKeepsIdsWithCompensation() {
        List<MovingObject> objects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double angle = Math.toRadians(60 * i);
            double radius = 150 + 40 * i;
            objects.add(MovingObject.stationary(i, 640 + radius * Math.cos(angle), 360 + radius * Math.sin(angle), 40));
        }
        Homography step = Homography.rotation(640, 360, Math.toRadians(3), 1.003);
        Random random = new Random(15);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        Homography camera = Homography.identity();
        for (int frame = 0; frame < 90; frame++) {
            double seconds = frame * FRAME_30_FPS;
            boolean rotating = frame >= 30;
            if (rotating) {
                camera = step.after(camera);
            }
            Optional<Homography> motion = rotating ? Optional.of(step) : Optional.empty();
            recorder.frame(micros(seconds), detect(objects, seconds, camera, 0.9, 1.0, random), motion);
        }

        assertOneTrackIdPerObject(recorder, objects);
        assertAllMatchedInLatestFrame(recorder, objects);
    }

    /**
     * Fast objects (a box width every 3 frames at 30 fps) seen at 30, then 10, then 30 fps. A
     * tracker that predicts by frames instead of seconds misses them by three quarters of a box
     * width after each change.
     */
    @Test
    void variableFrameRateKeepsIds() {
        List<MovingObject> objects = List.of(
                MovingObject.moving(0, 100, 200, 450, 0, 40),
                MovingObject.moving(1, 2400, 400, -450, 0, 40),
                MovingObject.moving(2, 100, 600, 400, 120, 40));
        Random random = new Random(16);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().build()));

        double seconds = 0;
        while (seconds < 5) {
            recorder.frame(micros(seconds), detect(objects, seconds, 0.9, 1.0, random), Optional.empty());
            boolean tenFps = seconds >= 1 && seconds < 3;
            seconds += tenFps ? 0.1 : FRAME_30_FPS;
        }

        assertOneTrackIdPerObject(recorder, objects);
        assertAllMatchedInLatestFrame(recorder, objects);
    }

    @Test
    void lowScoreDetectionsExtendTracks() {
        MovingObject fading = MovingObject.moving(0, 200, 300, 100, 0, 50);
        MovingObject faint = MovingObject.stationary(1, 900, 600, 50);
        Random random = new Random(17);
        IdentityRecorder recorder = new IdentityRecorder(
                createTracker(config().maxLostTime(Duration.ofMillis(500)).build()));

        List<Double> unmatchedTimes = new ArrayList<>();
        for (int frame = 0; frame < 120; frame++) {
            double seconds = frame * FRAME_30_FPS;
            double fadingScore = seconds >= 1 && seconds < 3 ? 0.3 : 0.9;
            List<LabeledDetection> detections = new ArrayList<>();
            detections.addAll(detect(List.of(fading), seconds, fadingScore, 1.0, random));
            detections.addAll(detect(List.of(faint), seconds, 0.3, 1.0, random));
            recorder.frame(micros(seconds), detections, Optional.empty());
            if (seconds >= 0.2 && recorder.latestFrameTrackIdOf(fading.objectId()).isEmpty()) {
                unmatchedTimes.add(seconds);
            }
        }

        assertThat(recorder.trackIdsOf(fading.objectId())).as("track IDs of the fading object").hasSize(1);
        assertThat(unmatchedTimes).as("times at which the fading object had no CONFIRMED track").isEmpty();
        assertThat(allReportedTrackIds(recorder)).as("all reported track IDs")
                .isEqualTo(recorder.trackIdsOf(fading.objectId()));
    }

    @Test
    void lostTrackRemovedAfterMaxLostTime() {
        MovingObject object = MovingObject.stationary(0, 400, 300, 60);
        Random random = new Random(18);
        IdentityRecorder recorder = new IdentityRecorder(createTracker(config().maxLostTime(Duration.ofSeconds(1)).build()));

        for (int frame = 0; frame < 150; frame++) {
            double seconds = frame * FRAME_30_FPS;
            boolean visible = frame < 60 || frame >= 120;
            List<LabeledDetection> detections = visible ? detect(List.of(object), seconds, 0.9, 1.0, random) : List.of();
            recorder.frame(micros(seconds), detections, Optional.empty());
        }

        long firstId = recorder.trackIdsOf(object.objectId()).iterator().next();
        long lastSeenMicros = micros(59 * FRAME_30_FPS);
        List<Long> lostTooLong = new ArrayList<>();
        List<Long> removedAt = new ArrayList<>();
        List<Long> reportedAfterRemoval = new ArrayList<>();
        for (int frame = 60; frame < 150; frame++) {
            long captureMicros = micros(frame * FRAME_30_FPS);
            for (Track track : recorder.outputs().get(frame)) {
                if (track.trackId() != firstId) {
                    continue;
                }
                if (!removedAt.isEmpty()) {
                    reportedAfterRemoval.add(captureMicros);
                } else if (track.state() == TrackState.REMOVED) {
                    removedAt.add(captureMicros);
                } else if (track.state() == TrackState.LOST && captureMicros - lastSeenMicros > 1_000_000) {
                    lostTooLong.add(captureMicros);
                }
            }
        }

        assertThat(lostTooLong).as("frames where the track stayed LOST beyond 1 s").isEmpty();
        assertThat(removedAt).as("removal times").containsExactly(micros(90 * FRAME_30_FPS));
        assertThat(reportedAfterRemoval).as("reports after removal").isEmpty();
        assertThat(recorder.trackIdsOf(object.objectId())).as("track IDs of the returning object").hasSize(2);
        assertThat(recorder.latestTrackIdOf(object.objectId())).as("ID after return").get().matches(id -> id > firstId);
    }

    @Test
    void restoredTrackerMatchesUninterruptedRun() throws IOException {
        TrackerConfig config = config().build();
        List<BusyScene.Frame> frames = BusyScene.generate(19, 20, 240, true);
        MultiObjectTracker uninterrupted = createTracker(config);
        MultiObjectTracker restarted = createTracker(config);

        for (int i = 0; i < frames.size(); i++) {
            BusyScene.Frame frame = frames.get(i);
            byte[] bytes = TrackerStateSerializer.toBytes(restarted.snapshot());
            restarted = restoreTracker(config, TrackerStateSerializer.fromBytes(bytes));
            List<Track> expected =
                    uninterrupted.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion());
            List<Track> actual =
                    restarted.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion());
            assertThat(actual).as("output of frame %d", i).isEqualTo(expected);
        }
        assertThat(restarted.snapshot()).as("final state").isEqualTo(uninterrupted.snapshot());
    }

    @Test
    void sameInputGivesSameOutput() {
        TrackerConfig config = config().build();
        List<BusyScene.Frame> frames = BusyScene.generate(20, 20, 240, true);
        MultiObjectTracker first = createTracker(config);
        MultiObjectTracker second = createTracker(config);

        List<List<Track>> firstOutputs = new ArrayList<>();
        List<List<Track>> secondOutputs = new ArrayList<>();
        for (BusyScene.Frame frame : frames) {
            firstOutputs.add(first.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion()));
            secondOutputs.add(second.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion()));
        }

        assertThat(secondOutputs).isEqualTo(firstOutputs);
    }

    @Test
    void trackIdsNeverReused() {
        List<BusyScene.Frame> frames = BusyScene.generate(21, 20, 240, true);
        MultiObjectTracker tracker = createTracker(config().maxLostTime(Duration.ofMillis(300)).build());

        Set<Long> removed = new HashSet<>();
        List<Long> reusedIds = new ArrayList<>();
        long highestId = 0;
        List<Long> idsBelowHighest = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (BusyScene.Frame frame : frames) {
            for (Track track : tracker.update(frame.captureTimeMicros(), frame.trackerDetections(), frame.cameraMotion())) {
                if (removed.contains(track.trackId())) {
                    reusedIds.add(track.trackId());
                }
                if (track.state() == TrackState.REMOVED) {
                    removed.add(track.trackId());
                }
                if (seen.add(track.trackId()) && track.trackId() < highestId) {
                    idsBelowHighest.add(track.trackId());
                }
                highestId = Math.max(highestId, track.trackId());
            }
        }

        assertThat(removed).as("removed tracks").isNotEmpty();
        assertThat(reusedIds).as("IDs reported after their removal").isEmpty();
        assertThat(idsBelowHighest).as("new IDs below an earlier ID").isEmpty();
    }

    /** Five objects on parallel lanes 150 px apart, moving 100 to 180 px/s. */
    private static List<MovingObject> parallelMovers() {
        List<MovingObject> objects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            objects.add(MovingObject.moving(i, 200, 150 + 150 * i, 100 + 20 * i, 10 - 5 * i, 48));
        }
        return objects;
    }

    /** Six still objects, 30 px boxes, that stay in a 1920 px wide view through a 1200 px pan. */
    private static List<MovingObject> panScene() {
        List<MovingObject> objects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            objects.add(MovingObject.stationary(i, 1350 + 90 * i, 400 + 80 * (i % 2), 30));
        }
        return objects;
    }

    /**
     * Runs 1 s with a still camera, then 1 s of a pan that shifts the image 40 px left per frame,
     * and returns each object's track ID from the last frame before the pan.
     */
    private static Map<Integer, Long> runPan(IdentityRecorder recorder, List<MovingObject> objects) {
        Random random = new Random(22);
        Homography step = Homography.translation(-40, 0);
        Homography camera = Homography.identity();
        Map<Integer, Long> idsBeforePan = new TreeMap<>();
        for (int frame = 0; frame < 60; frame++) {
            double seconds = frame * FRAME_30_FPS;
            boolean panning = frame >= 30;
            if (panning) {
                camera = step.after(camera);
            }
            Optional<Homography> motion = Optional.of(panning ? step : Homography.identity());
            recorder.frame(micros(seconds), detect(objects, seconds, camera, 0.9, 1.0, random), motion);
            if (frame == 29) {
                for (MovingObject object : objects) {
                    recorder.latestFrameTrackIdOf(object.objectId()).ifPresent(id -> idsBeforePan.put(object.objectId(), id));
                }
            }
        }
        return idsBeforePan;
    }

    /** Asserts that each object got exactly one CONFIRMED track ID, and each such ID one object. */
    protected static void assertOneTrackIdPerObject(IdentityRecorder recorder, List<MovingObject> objects) {
        for (MovingObject object : objects) {
            assertThat(recorder.trackIdsOf(object.objectId()))
                    .as("track IDs of object %d", object.objectId())
                    .hasSize(1);
        }
        for (long trackId : recorder.confirmedTrackIds()) {
            assertThat(recorder.objectsOf(trackId)).as("objects of track %d", trackId).hasSize(1);
        }
    }

    /** Asserts that every object has a CONFIRMED track matched to it in the latest frame. */
    protected static void assertAllMatchedInLatestFrame(IdentityRecorder recorder, List<MovingObject> objects) {
        for (MovingObject object : objects) {
            assertThat(recorder.latestFrameTrackIdOf(object.objectId()))
                    .as("track of object %d in the latest frame", object.objectId())
                    .isPresent();
        }
    }

    private static Set<Long> allReportedTrackIds(IdentityRecorder recorder) {
        Set<Long> ids = new HashSet<>();
        for (List<Track> output : recorder.outputs()) {
            for (Track track : output) {
                ids.add(track.trackId());
            }
        }
        return ids;
    }
}
