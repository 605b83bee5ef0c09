package io.uavstream.simulator;

import io.uavstream.simulator.scene.Scene;
import io.uavstream.simulator.scene.SceneGenerator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated scenes shared by the tests of one JVM, since generating one takes about a second. */
public final class TestScenes {

    private static final Map<String, Scene> SCENES = new ConcurrentHashMap<>();

    private TestScenes() {}

    public static Scene scene(long seed, int sizeMetres) {
        return SCENES.computeIfAbsent(seed + "/" + sizeMetres, key -> SceneGenerator.generate(seed, sizeMetres));
    }
}
