# The uavstream Flink job on the official Flink image. Build from the repository root after
# `mvn -B -DskipTests install`, which builds the thin job jar and cluster/target/flink-home.
#
# - The thin job jar goes to usrlib, where application mode (standalone-job) finds it.
# - JavaCPP (FFmpeg, OpenCV, OpenBLAS) and ONNX Runtime, with their natives, go to lib/uavstream:
#   on the cluster's class path, loaded once per TaskManager rather than once per job.
# - flink-conf/config.yaml replaces the image's configuration, as for the session-cluster tests.
# - The Prometheus reporter goes to plugins/metrics-prometheus, where Flink loads reporters from.
# - The bundled uavdet-416 detector goes to /opt/uavstream/models, the compose file's default model.
FROM flink:2.2.1-java17
COPY cluster/target/flink-home/lib/uavstream /opt/flink/lib/uavstream
COPY cluster/target/flink-home/lib/flink-metrics-prometheus-2.2.1.jar /opt/flink/plugins/metrics-prometheus/
COPY flink-conf/config.yaml /opt/flink/conf/config.yaml
COPY models/src/main/resources/io/uavstream/models/default /opt/uavstream/models
COPY job/target/uavstream-job-*-job-thin.jar /opt/flink/usrlib/uavstream-job.jar
