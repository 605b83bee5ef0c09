# The uavstream Flink job on the official Flink image; the shaded job jar goes to usrlib so that
# application mode finds it. Build from the repository root after `mvn -DskipTests package`.
FROM flink:2.2.1-java17
COPY job/target/uavstream-job-*-job.jar /opt/flink/usrlib/uavstream-job.jar
