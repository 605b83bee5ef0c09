package io.uavstream.simulator;

import io.uavstream.simulator.camera.CameraIntrinsics;
import io.uavstream.simulator.geo.EnuFrame;
import io.uavstream.simulator.geo.GeodeticPosition;
import io.uavstream.simulator.output.JsonFiles;
import io.uavstream.simulator.render.SensorResponse;
import io.uavstream.simulator.scene.GroundControlPoint;
import io.uavstream.simulator.scene.Lighting;
import io.uavstream.simulator.scene.Scene;
import io.uavstream.simulator.geo.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the small description files of a run and of each drone; their formats are in docs/simulator.md. */
final class OutputFiles {

    private OutputFiles() {}

    static void writeIntrinsics(Path directory, CameraIntrinsics intrinsics) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "pinhole with radial distortion (Brown, k1 k2)");
        json.put("pixelConvention", "continuous; image spans [0, width] x [0, height]; pixel (i, j) centre at (i + 0.5, j + 0.5)");
        json.put("width", intrinsics.width());
        json.put("height", intrinsics.height());
        json.put("fx", intrinsics.fx());
        json.put("fy", intrinsics.fy());
        json.put("cx", intrinsics.cx());
        json.put("cy", intrinsics.cy());
        json.put("k1", intrinsics.k1());
        json.put("k2", intrinsics.k2());
        json.put("opencvCameraMatrix", List.of(List.of(intrinsics.fx(), 0.0, intrinsics.cx() - 0.5),
                List.of(0.0, intrinsics.fy(), intrinsics.cy() - 0.5), List.of(0.0, 0.0, 1.0)));
        json.put("opencvDistortion", List.of(intrinsics.k1(), intrinsics.k2(), 0.0, 0.0, 0.0));
        json.put("horizontalFovDegrees", intrinsics.horizontalFovDegrees());
        json.put("verticalFovDegrees", intrinsics.verticalFovDegrees());
        JsonFiles.write(directory.resolve(FleetSimulation.INTRINSICS_FILE), json);
    }

    /** Writes a MOTChallenge {@code seqinfo.ini} so that evaluation tools find the sequence's length and size. */
    static void writeSeqInfo(Path directory, String droneId, SimulationConfig config) throws IOException {
        String text = String.join("\n",
                "[Sequence]",
                "name=" + droneId,
                "imDir=img1",
                "frameRate=" + config.fps(),
                "seqLength=" + config.frames(),
                "imWidth=" + config.width(),
                "imHeight=" + config.height(),
                "imExt=.jpg",
                "");
        Files.writeString(directory.resolve("seqinfo.ini"), text);
    }

    static void writeFlight(Path directory, DronePlan plan, SimulationConfig config, double windSpeed,
            double exposureSeconds, SensorResponse response) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("droneId", plan.droneId());
        json.put("index", plan.index());
        json.put("pattern", plan.pattern().name());
        json.put("altitudeMetres", plan.altitudeMetres());
        json.put("offNadirDegrees", plan.tiltDegrees());
        json.put("seed", plan.seed());
        json.put("fps", config.fps());
        json.put("frames", config.frames());
        json.put("width", config.width());
        json.put("height", config.height());
        json.put("bitrate", config.bitrate());
        json.put("gopFrames", config.gopFrames());
        json.put("startTime", config.startTime().toString());
        json.put("meanWindSpeedMps", windSpeed);
        json.put("exposureSeconds", exposureSeconds);
        json.put("exposureGain", response.exposureGain());
        json.put("sensorNoiseSigma", response.noiseSigma());
        json.put("motionBlur", config.motionBlur());
        json.put("noiseProfile", config.noiseProfile().map(p -> p.name()).orElse(null));
        JsonFiles.write(directory.resolve("flight.json"), json);
    }

    static void writeScene(Path root, Scene scene, SimulationConfig config, List<DronePlan> plans) throws IOException {
        Lighting lighting = scene.lighting();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", config.seed());
        json.put("sizeMetres", scene.sizeMetres());
        json.put("texelMetres", Scene.TEXEL_METRES);
        json.put("origin", Map.of("latitudeDegrees", config.origin().latitudeDegrees(),
                "longitudeDegrees", config.origin().longitudeDegrees(), "heightMetres", config.origin().heightMetres()));
        json.put("frame", "local ENU: x east, y north, z up, metres from the origin; the scene spans +-sizeMetres/2");
        Map<String, Object> light = new LinkedHashMap<>();
        light.put("sunAzimuthDegrees", lighting.sunAzimuthDegrees());
        light.put("sunElevationDegrees", lighting.sunElevationDegrees());
        light.put("shadowRatio", lighting.shadowRatio());
        json.put("lighting", light);
        json.put("roadEdges", scene.roads().edges().size());
        json.put("parkingStalls", scene.parkingSpots().size());
        json.put("controlPoints", scene.controlPoints().size());
        json.put("drones", plans);
        JsonFiles.write(root.resolve("scene.json"), json);

        EnuFrame enu = new EnuFrame(config.origin());
        StringBuilder csv = new StringBuilder("id,east_m,north_m,up_m,latitude_deg,longitude_deg,altitude_wgs84_m,side_m\n");
        for (GroundControlPoint point : scene.controlPoints()) {
            GeodeticPosition position = enu.toGeodetic(new Vec3(point.x(), point.y(), 0));
            csv.append(String.format(Locale.ROOT, "%d,%.3f,%.3f,0.000,%.8f,%.8f,%.3f,%.1f\n", point.id(), point.x(), point.y(),
                    position.latitudeDegrees(), position.longitudeDegrees(), position.heightMetres(),
                    GroundControlPoint.SIDE_METRES));
        }
        Files.writeString(root.resolve("control_points.csv"), csv.toString());
    }
}
