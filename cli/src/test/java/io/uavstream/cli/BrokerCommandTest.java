package io.uavstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandTest {

    @Test
    void brokerPrintsReachableAddress() throws Exception {
        BrokerCommand command = new BrokerCommand();
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(commandLine::execute);
        try {
            String address = awaitAddress(out);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThat(address).startsWith("127.0.0.1:");
        } finally {
            command.stop();
        }
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
    }

    private static String awaitAddress(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (out.toString().isBlank() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return out.toString().strip();
    }
}
