package io.uavstream.models;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Turns the raw output tensors of one model layout into detection candidates. There is one
 * implementation per {@link ModelFormat}, and {@link OutputDecoders#create} picks it.
 */
interface OutputDecoder {

    /** Returns the output tensors that the model must produce, in session output order. */
    List<OutputSpec> expectedOutputs();

    /**
     * Appends every box whose best class scores at least the descriptor's score threshold to
     * {@code candidates}, in model input pixels. Only the best class of each box is considered.
     *
     * @param outputs the output tensors in the order of {@link #expectedOutputs()}, each holding
     *     exactly the elements of its shape, read with absolute gets
     */
    void decode(FloatBuffer[] outputs, Candidates candidates);
}
