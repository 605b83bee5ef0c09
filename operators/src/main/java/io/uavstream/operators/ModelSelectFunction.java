package io.uavstream.operators;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the model selections of the control topic's model records in broadcast state and forwards
 * every video packet unchanged, keyed by drone ID. Before it forwards a packet, it records the
 * drone's selection for the {@link DetectFunction} of the same task ({@link TaskModelSelections}):
 * the drone's own selection, else the fleet's, else none, which means the job's model.
 *
 * <p>It runs ahead of the decoder, and not as the detector's second input, because a two-input
 * operator cannot be chained to its predecessor and decoded frames must never leave their task.
 * The broadcast state keeps the selections across a restore.
 */
final class ModelSelectFunction
        extends KeyedBroadcastProcessFunction<String, PacketOrDeadLetter, ModelSelection, PacketOrDeadLetter> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ModelSelectFunction.class);

    /** Broadcast state: the model selection of each drone, and of the fleet under {@link ModelSelection#FLEET}. */
    static final MapStateDescriptor<String, ModelSelection> SELECTIONS = new MapStateDescriptor<>(
            "model-selections", Types.STRING, Types.POJO(ModelSelection.class));

    @Override
    public void processElement(PacketOrDeadLetter packet, ReadOnlyContext ctx, Collector<PacketOrDeadLetter> out)
            throws Exception {
        String droneId = ctx.getCurrentKey();
        ReadOnlyBroadcastState<String, ModelSelection> selections = ctx.getBroadcastState(SELECTIONS);
        ModelSelection selection = selections.get(droneId);
        if (selection == null) {
            selection = selections.get(ModelSelection.FLEET);
        }
        TaskModelSelections.record(droneId, selection);
        out.collect(packet);
    }

    @Override
    public void processBroadcastElement(ModelSelection selection, Context ctx, Collector<PacketOrDeadLetter> out)
            throws Exception {
        BroadcastState<String, ModelSelection> state = ctx.getBroadcastState(SELECTIONS);
        if (selection.isClear()) {
            state.remove(selection.getScope());
        } else {
            state.put(selection.getScope(), selection);
        }
        LOG.debug("Model selection of {} is now {}", selection.getScope(), selection.getModel());
    }

    @Override
    public void close() {
        TaskModelSelections.clear();
    }
}
