package io.uavstream.cli.embedded;

import io.uavstream.ingest.IngestOptions;
import io.uavstream.ingest.IngestProgressListener;
import io.uavstream.ingest.IngestResult;
import io.uavstream.ingest.Ingestor;
import io.uavstream.ingest.StreamDemuxer;
import io.uavstream.ingest.VideoSource;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One video file ingested as one drone. */
final class FileInput implements VideoInput {

    private static final Logger LOG = LoggerFactory.getLogger(FileInput.class);

    private final Path video;
    private final String droneId;
    private final boolean realtime;
    private volatile Ingestor ingestor;
    private volatile boolean stopped;

    FileInput(Path video, String droneId, boolean realtime) {
        this.video = video;
        this.droneId = droneId;
        this.realtime = realtime;
    }

    @Override
    public String description() {
        return video.toString();
    }

    /** Opens the file's container and video stream, and closes it again. */
    @Override
    public void check() {
        try (StreamDemuxer demuxer = StreamDemuxer.open(VideoSource.ofFile(video))) {
            LOG.info("Video {}: {}", video, demuxer.streamInfo());
        }
    }

    @Override
    public Set<String> droneIds() {
        return Set.of(droneId);
    }

    @Override
    public IngestResult publish(String bootstrapServers, String topic, IngestProgressListener progress) {
        ingestor = new Ingestor(IngestOptions.builder()
                .droneId(droneId)
                .source(video)
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .realtime(realtime)
                .build());
        if (stopped) {
            ingestor.stop();
        }
        IngestResult result = ingestor.run(progress);
        LOG.info("Ingest of {} ended ({}): {} access units in {} session(s)",
                video, result.ending(), result.packets(), result.sessions());
        return result;
    }

    @Override
    public void stop() {
        stopped = true;
        Ingestor current = ingestor;
        if (current != null) {
            current.stop();
        }
    }
}
