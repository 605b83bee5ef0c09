package io.uavstream.models;

/** Placement of the resized image inside the model input when the aspect ratios differ. */
public enum LetterboxAlignment {
    /** Centred, with the padding split between both sides. */
    CENTER,
    /** In the top-left corner, with all padding on the right and at the bottom. */
    TOP_LEFT
}
