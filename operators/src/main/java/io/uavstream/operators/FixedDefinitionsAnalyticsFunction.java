package io.uavstream.operators;

import io.uavstream.analytics.definition.DefinitionSet;
import io.uavstream.schemas.AnalyticsEvent;
import io.uavstream.schemas.FrameDetections;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Zone, line and count analytics of each drone's tracks, keyed by drone ID, with definitions that
 * are fixed when the job is built and in force from the first frame on, for replays of recorded
 * video. Output: one {@link AnalyticsEvent} record per event, like {@link AnalyticsFunction}.
 *
 * <p>No control stream races the video here, so each frame is analysed when it arrives, in the
 * drone's frame order, and needs no watermark. The events of a drone therefore depend only on its
 * frames and the definitions.
 *
 * <p>Keyed state: {@link DroneAnalytics}, with the same descriptor as {@link AnalyticsFunction}.
 */
final class FixedDefinitionsAnalyticsFunction extends KeyedProcessFunction<String, FrameDetections, AnalyticsEvent> {
    private static final long serialVersionUID = 1L;

    private final AnalysisConfig config;
    private final HashMap<String, DefinitionSet> definitions;

    private transient ValueState<DroneAnalytics> droneState;
    private transient FrameAnalyser analyser;

    /**
     * @param definitions the zones and lines of each drone by drone ID; a drone without an entry
     *     has none
     */
    FixedDefinitionsAnalyticsFunction(AnalysisConfig config, Map<String, DefinitionSet> definitions) {
        this.config = config;
        this.definitions = new HashMap<>(definitions);
    }

    @Override
    public void open(OpenContext openContext) {
        droneState = getRuntimeContext().getState(
                new ValueStateDescriptor<>("drone-analytics", DroneAnalyticsTypeSerializer.INSTANCE));
        analyser = new FrameAnalyser(config, getRuntimeContext());
    }

    @Override
    public void processElement(FrameDetections frame, Context ctx, Collector<AnalyticsEvent> out) throws Exception {
        DroneAnalytics drone = droneState.value();
        if (drone == null) {
            drone = DroneAnalytics.INITIAL;
        }
        DefinitionSet droneDefinitions = definitions.getOrDefault(ctx.getCurrentKey(), DefinitionSet.EMPTY);
        DroneAnalytics next = analyser.analyse(frame, drone, droneDefinitions, out);
        if (next != drone) {
            droneState.update(next);
        }
    }
}
