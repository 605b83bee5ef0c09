package io.uavstream.models;

/** Channel order of a model's input tensor. */
public enum ColorOrder {
    /** Channel 0 is blue, as in OpenCV and FFmpeg's BGR24. */
    BGR,
    /** Channel 0 is red. */
    RGB
}
