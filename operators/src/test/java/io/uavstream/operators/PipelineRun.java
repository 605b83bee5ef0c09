package io.uavstream.operators;

import io.uavstream.schemas.DeadLetter;
import io.uavstream.schemas.FrameDetections;
import io.uavstream.schemas.TrackEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Runs the analysis on a bounded list of records in the test MiniCluster and collects its output. */
record PipelineRun(List<FrameDetections> detections, List<TrackEvent> trackEvents, List<DeadLetter> deadLetters,
        JobExecutionResult result) {

    static final int PARALLELISM = 2;

    static PipelineRun of(List<PacketOrDeadLetter> records, AnalysisConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        AnalysisStreams streams = DroneAnalysis.apply(
                env.fromData(records, PacketOrDeadLetterTypeInfo.INSTANCE).name("Test records"), config);
        DataStream.Collector<FrameDetections> detections = new DataStream.Collector<>();
        streams.detections().collectAsync(detections);
        DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
        streams.deadLetters().collectAsync(deadLetters);
        DataStream.Collector<TrackEvent> trackEvents = new DataStream.Collector<>();
        streams.trackEvents().ifPresent(events -> events.collectAsync(trackEvents));

        JobClient client = env.executeAsync("uavstream operators test");
        List<FrameDetections> detected = drain(detections.getOutput());
        List<DeadLetter> rejected = drain(deadLetters.getOutput());
        List<TrackEvent> events = streams.trackEvents().isPresent() ? drain(trackEvents.getOutput()) : List.of();
        return new PipelineRun(detected, events, rejected, client.getJobExecutionResult().get());
    }

    /** Returns the job-wide value of one of the {@link AnalysisCounters}, 0 if never counted. */
    long counter(String name) {
        Object value = result.getAllAccumulatorResults().get(name);
        return value == null ? 0 : (Long) value;
    }

    /** Returns the detections of one drone, by frame sequence. */
    List<FrameDetections> detectionsOf(String droneId) {
        return detections.stream()
                .filter(frame -> frame.getDroneId().equals(droneId))
                .sorted(java.util.Comparator.comparingLong(FrameDetections::getFrameSequence))
                .toList();
    }

    /** Returns the frame sequences of one drone's detections, in order. */
    List<Long> sequencesOf(String droneId) {
        return detectionsOf(droneId).stream().map(FrameDetections::getFrameSequence).toList();
    }

    /** Returns the dead letters mapped by {@code field}. */
    <T> List<T> deadLetterField(Function<DeadLetter, T> field) {
        return deadLetters.stream().map(field).toList();
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
        try (iterator) {
            List<T> items = new ArrayList<>();
            iterator.forEachRemaining(items::add);
            return items;
        }
    }
}
