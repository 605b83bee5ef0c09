package io.uavstream.cli.embedded;

import io.uavstream.ingest.TopicProvisioner;
import io.uavstream.job.JobOptions;

/**
 * Creates the job's topics before it starts. Every uavstream topic needs the raised record limit
 * of the video topic: detections are small, but a dead letter carries the original access unit.
 */
final class TopicSetup {

    private TopicSetup() {}

    static void createTopics(String bootstrapServers, JobOptions options) {
        try (TopicProvisioner provisioner = new TopicProvisioner(bootstrapServers)) {
            provisioner.ensureVideoTopic(options.videoTopic());
            provisioner.ensureVideoTopic(options.detectionsTopic());
            provisioner.ensureVideoTopic(options.deadLetterTopic());
        }
    }
}
