package io.uavstream.cluster.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages of {@link FlinkRestException} for the error bodies that Flink's REST API returns. */
class FlinkRestExceptionTest {

    private static final String RUN_FAILURE = """
            org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.
            \tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.lambda$handleRequest$1(JarRunHandler.java:114)
            Caused by: org.apache.flink.client.program.ProgramInvocationException: The main method caused an error
            \tat org.apache.flink.client.program.PackagedProgram.callMainMethod(PackagedProgram.java:373)
            Caused by: io.uavstream.models.InvalidModelException: --model /models/absent.onnx not found. Pass a file.
            \t... 12 more
            """;

    @Test
    void jobMessageComesFirst() {
        FlinkRestException error = new FlinkRestException("POST /jars/x.jar/run", 400, List.of(RUN_FAILURE));

        assertThat(error.getMessage()).startsWith("--model /models/absent.onnx not found. Pass a file. (");
        assertThat(error.getMessage()).contains("POST /jars/x.jar/run failed with HTTP 400");
        assertThat(error.getMessage()).contains("RestHandlerException: Could not execute application.");
    }

    @Test
    void errorWithoutCauseKeepsStatusFirst() {
        FlinkRestException error = new FlinkRestException("GET /jobs/abc", 404, List.of("Job abc not found"));

        assertThat(error.getMessage()).isEqualTo("GET /jobs/abc failed with HTTP 404: Job abc not found");
    }
}
