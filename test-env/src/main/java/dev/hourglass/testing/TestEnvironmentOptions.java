package dev.hourglass.testing;

import dev.hourglass.worker.WorkerFactoryOptions;
import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of a {@link TestWorkflowEnvironment}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestEnvironmentOptions {

    /** The virtual time an environment starts at unless told otherwise. */
    public static final Instant DEFAULT_INITIAL_TIME = Instant.parse("2025-01-01T00:00:00Z");

    private static final TestEnvironmentOptions DEFAULT = newBuilder().build();

    private final Long seed;
    private final Instant initialTime;
    private final WorkerFactoryOptions workerFactoryOptions;
    private final boolean failFast;
    private final boolean selfCheckReplay;

    private TestEnvironmentOptions(Builder builder) {
        this.seed = builder.seed;
        this.initialTime = builder.initialTime;
        this.workerFactoryOptions = builder.workerFactoryOptions;
        this.failFast = builder.failFast;
        this.selfCheckReplay = builder.selfCheckReplay;
    }

    /** Returns a builder with the defaults. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding the values of {@code options}. */
    public static Builder newBuilder(TestEnvironmentOptions options) {
        Builder builder = new Builder();
        builder.seed = options.seed;
        builder.initialTime = options.initialTime;
        builder.workerFactoryOptions = options.workerFactoryOptions;
        builder.failFast = options.failFast;
        builder.selfCheckReplay = options.selfCheckReplay;
        return builder;
    }

    /** Returns the default options. */
    public static TestEnvironmentOptions getDefaultInstance() {
        return DEFAULT;
    }

    /** The seed, or {@code null} when the environment chooses one. */
    public Long getSeed() {
        return seed;
    }

    /** The virtual time the environment starts at; never {@code null}. */
    public Instant getInitialTime() {
        return initialTime;
    }

    /** The options of the environment's worker factory; never {@code null}. */
    public WorkerFactoryOptions getWorkerFactoryOptions() {
        return workerFactoryOptions;
    }

    /** Whether a failed workflow task makes pending client calls throw at once (default true). */
    public boolean isFailFast() {
        return failFast;
    }

    /** Whether every closed execution is replayed once against the same code (default true). */
    public boolean isSelfCheckReplay() {
        return selfCheckReplay;
    }

    /** Builds {@link TestEnvironmentOptions}. */
    public static final class Builder {
        private Long seed;
        private Instant initialTime = DEFAULT_INITIAL_TIME;
        private WorkerFactoryOptions workerFactoryOptions = WorkerFactoryOptions.newBuilder()
                .setWorkflowTaskPollers(1).build();
        private boolean failFast = true;
        private boolean selfCheckReplay = true;

        private Builder() {
        }

        /** Sets the seed of everything random in the environment (run ids and tie-breaking). */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the virtual time the environment starts at. */
        public Builder setInitialTime(Instant initialTime) {
            this.initialTime = Objects.requireNonNull(initialTime, "initialTime");
            return this;
        }

        /** Sets the options of the environment's worker factory. */
        public Builder setWorkerFactoryOptions(WorkerFactoryOptions options) {
            this.workerFactoryOptions = Objects.requireNonNull(options, "workerFactoryOptions");
            return this;
        }

        /** Sets whether a failed workflow task makes pending client calls throw at once. */
        public Builder setFailFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /** Sets whether every closed execution is replayed once against the same code. */
        public Builder setSelfCheckReplay(boolean selfCheckReplay) {
            this.selfCheckReplay = selfCheckReplay;
            return this;
        }

        /** Returns the options. */
        public TestEnvironmentOptions build() {
            return new TestEnvironmentOptions(this);
        }
    }
}
