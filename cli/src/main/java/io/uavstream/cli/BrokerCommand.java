package io.uavstream.cli;

import io.uavstream.kafka.embedded.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code uavstream broker}: a single-node Kafka broker on loopback that keeps running until
 * Ctrl-C, so that {@code run --bootstrap}, {@code ingest} and {@code replay} can share one
 * recording on a machine without a Kafka installation.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a single-node Kafka broker (KRaft) on 127.0.0.1 and a free port, prints its bootstrap address"
                    + " and runs until Ctrl-C. Its log directory is temporary: the recording is deleted when the"
                    + " broker stops.",
            "Record with: uavstream run --bootstrap ADDRESS, then replay with: uavstream replay --bootstrap ADDRESS"
        })
final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Spec
    private CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            StopSignals.onInterruptOrTerminate(() -> stop(broker));
            PrintWriter out = spec.commandLine().getOut();
            out.println(broker.bootstrapServers());
            out.flush();
            LOG.info("Kafka broker listening on {}; press Ctrl-C to stop it and delete its data",
                    broker.bootstrapServers());
            stopped.await();
        }
        return 0;
    }

    /** Stops a running broker; the command then returns. */
    void stop() {
        stopped.countDown();
    }

    private void stop(EmbeddedKafkaBroker broker) {
        broker.close();
        stopped.countDown();
    }
}
