package io.uavstream.simulator.camera;

import io.uavstream.simulator.geo.Rotation;
import io.uavstream.simulator.geo.Vec3;
import java.util.Objects;

/** A posed camera: intrinsics plus the camera-to-world pose in the ENU frame. */
public final class Camera {

    /** Points closer to the camera plane than this, in metres, do not project. */
    private static final double MIN_DEPTH = 1e-3;

    private final CameraIntrinsics intrinsics;
    private final Vec3 position;
    private final Rotation cameraToWorld;

    public Camera(CameraIntrinsics intrinsics, Vec3 position, Rotation cameraToWorld) {
        this.intrinsics = Objects.requireNonNull(intrinsics, "intrinsics");
        this.position = Objects.requireNonNull(position, "position");
        this.cameraToWorld = Objects.requireNonNull(cameraToWorld, "cameraToWorld");
    }

    public CameraIntrinsics intrinsics() {
        return intrinsics;
    }

    /** Returns the optical centre in ENU metres. */
    public Vec3 position() {
        return position;
    }

    public Rotation cameraToWorld() {
        return cameraToWorld;
    }

    /** Projects a world point, with distortion; returns null if it is behind or on the camera plane. */
    public ImagePoint project(Vec3 world) {
        Vec3 local = cameraToWorld.applyInverse(world.minus(position));
        if (local.z() < MIN_DEPTH) {
            return null;
        }
        double[] pixel = new double[2];
        intrinsics.toPixel(local.x() / local.z(), local.y() / local.z(), pixel);
        return new ImagePoint(pixel[0], pixel[1], local.z());
    }

    /** Returns the world direction of the ray through pixel (u, v), scaled so its camera z component is 1. */
    public Vec3 rayDirection(double u, double v) {
        double[] normalized = new double[2];
        intrinsics.toNormalized(u, v, normalized);
        return cameraToWorld.apply(new Vec3(normalized[0], normalized[1], 1));
    }

    /** Returns where the ray through pixel (u, v) meets the plane z = {@code height}, or null if it does not descend to it. */
    public Vec3 intersectHorizontalPlane(double u, double v, double height) {
        Vec3 direction = rayDirection(u, v);
        if (direction.z() >= 0 || position.z() <= height) {
            return null;
        }
        double t = (height - position.z()) / direction.z();
        return position.plus(direction.times(t));
    }
}
