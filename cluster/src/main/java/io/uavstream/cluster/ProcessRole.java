package io.uavstream.cluster;

/** The two kinds of Flink process in a standalone session cluster. */
public enum ProcessRole {
    JOB_MANAGER("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
            "GET_JM_RESOURCE_PARAMS"),
    TASK_MANAGER("taskmanager", "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            "GET_TM_RESOURCE_PARAMS");

    private final String fileName;
    private final String mainClass;
    private final String resourceCommand;

    ProcessRole(String fileName, String mainClass, String resourceCommand) {
        this.fileName = fileName;
        this.mainClass = mainClass;
        this.resourceCommand = resourceCommand;
    }

    /** Base name of the process's log, output and pid files. */
    public String fileName() {
        return fileName;
    }

    String mainClass() {
        return mainClass;
    }

    /** Returns the {@code BashJavaUtils} command that derives the process's memory settings. */
    String resourceCommand() {
        return resourceCommand;
    }
}
