package io.uavstream.cluster.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /jars/:jarid/run}: the job's program arguments and, to resume a job, the
 * savepoint to restore. Build one with {@link #builder()}.
 */
public final class JarRun {

    private final List<String> programArguments;
    private final String entryClass;
    private final Integer parallelism;
    private final String savepointPath;
    private final boolean allowNonRestoredState;

    private JarRun(Builder builder) {
        this.programArguments = List.copyOf(builder.programArguments);
        this.entryClass = builder.entryClass;
        this.parallelism = builder.parallelism;
        this.savepointPath = builder.savepointPath;
        this.allowNonRestoredState = builder.allowNonRestoredState;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> programArguments() {
        return programArguments;
    }

    public Optional<String> entryClass() {
        return Optional.ofNullable(entryClass);
    }

    public Optional<Integer> parallelism() {
        return Optional.ofNullable(parallelism);
    }

    public Optional<String> savepointPath() {
        return Optional.ofNullable(savepointPath);
    }

    public boolean allowNonRestoredState() {
        return allowNonRestoredState;
    }

    /** Builder of {@link JarRun}; every setter checks its argument at once. */
    public static final class Builder {
        private final List<String> programArguments = new ArrayList<>();
        private String entryClass;
        private Integer parallelism;
        private String savepointPath;
        private boolean allowNonRestoredState;

        private Builder() {}

        /** Appends the arguments that the job's {@code main} receives. */
        public Builder programArguments(List<String> arguments) {
            Objects.requireNonNull(arguments, "arguments");
            arguments.forEach(argument -> programArguments.add(Objects.requireNonNull(argument, "argument")));
            return this;
        }

        /** The job's main class; without it, Flink reads Main-Class from the jar's manifest. */
        public Builder entryClass(String entryClass) {
            if (entryClass == null || entryClass.isBlank()) {
                throw new IllegalArgumentException("entryClass must not be blank");
            }
            this.entryClass = entryClass;
            return this;
        }

        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Restores the job from this savepoint or retained checkpoint (a path or URI the JobManager can read). */
        public Builder savepointPath(String savepointPath) {
            if (savepointPath == null || savepointPath.isBlank()) {
                throw new IllegalArgumentException("savepointPath must not be blank");
            }
            this.savepointPath = savepointPath;
            return this;
        }

        /** Skips savepoint state that no operator of the job claims (for example after removing an operator). */
        public Builder allowNonRestoredState(boolean allow) {
            this.allowNonRestoredState = allow;
            return this;
        }

        public JarRun build() {
            return new JarRun(this);
        }
    }
}
