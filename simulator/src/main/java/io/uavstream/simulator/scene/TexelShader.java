package io.uavstream.simulator.scene;

/** Writes one texel of a {@link SceneCanvas} during a fill. */
@FunctionalInterface
interface TexelShader {

    /**
     * Shades the texel at {@code index} whose centre is at world (x, y), in metres.
     */
    void shade(int index, double x, double y);
}
