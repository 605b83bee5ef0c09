package io.uavstream.video;

/** An 8-bit luma image, row by row without padding. */
record LumaPlane(int width, int height, byte[] pixels) {

    int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}
