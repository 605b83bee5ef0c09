# The uavstream command-line tool (ingest, run) on a Java 17 runtime.
# Build from the repository root after `mvn -DskipTests package`.
FROM eclipse-temurin:17-jre
COPY cli/target/lib /opt/uavstream/lib
COPY cli/target/uavstream-cli.jar /opt/uavstream/uavstream-cli.jar
ENTRYPOINT ["java", "-cp", "/opt/uavstream/uavstream-cli.jar:/opt/uavstream/lib/*", "io.uavstream.cli.UavstreamCli"]
