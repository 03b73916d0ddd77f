package dev.hourglass.testing;

import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.testing.faults.FaultPlan;
import dev.hourglass.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of a {@link TestWorkflowEnvironment}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TestEnvironmentOptions {

    /**
     * The system property that turns the determinism agent off for every environment whose options do not say
     * otherwise, and for the replay verifier: {@code -Dhourglass.determinismAgent=false}.
     */
    public static final String DETERMINISM_AGENT_PROPERTY = "hourglass.determinismAgent";

    /** The virtual time an environment starts at unless told otherwise. */
    public static final Instant DEFAULT_INITIAL_TIME = Instant.parse("2025-01-01T00:00:00Z");

    /** How long, in real time, an activity attempt may show no progress before it counts as hung, by default. */
    public static final Duration DEFAULT_HUNG_ACTIVITY_THRESHOLD = Duration.ofSeconds(1);

    private static final TestEnvironmentOptions DEFAULT = newBuilder().build();

    private final Long seed;
    private final Instant initialTime;
    private final WorkerFactoryOptions workerFactoryOptions;
    private final WorkflowClientOptions workflowClientOptions;
    private final boolean failFast;
    private final boolean selfCheckReplay;
    private final Duration hungActivityThreshold;
    private final HistoryLimits historyLimits;
    private final FaultPlan faultPlan;
    private final boolean useTimeskipping;
    /** {@code null}: as the system property {@value #DETERMINISM_AGENT_PROPERTY} says, on by default. */
    private final Boolean determinismAgentEnabled;

    private TestEnvironmentOptions(Builder builder) {
        this.seed = builder.seed;
        this.initialTime = builder.initialTime;
        this.workerFactoryOptions = builder.workerFactoryOptions;
        this.workflowClientOptions = builder.payloadCodecs == null ? builder.workflowClientOptions
                : builder.workflowClientOptions.toBuilder().setPayloadCodecs(builder.payloadCodecs).build();
        this.failFast = builder.failFast;
        this.selfCheckReplay = builder.selfCheckReplay;
        this.hungActivityThreshold = builder.hungActivityThreshold;
        this.historyLimits = builder.historyLimits;
        this.faultPlan = builder.faultPlan;
        this.useTimeskipping = builder.useTimeskipping;
        this.determinismAgentEnabled = builder.determinismAgentEnabled;
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
        builder.workflowClientOptions = options.workflowClientOptions;
        builder.failFast = options.failFast;
        builder.selfCheckReplay = options.selfCheckReplay;
        builder.hungActivityThreshold = options.hungActivityThreshold;
        builder.historyLimits = options.historyLimits;
        builder.faultPlan = options.faultPlan;
        builder.useTimeskipping = options.useTimeskipping;
        builder.determinismAgentEnabled = options.determinismAgentEnabled;
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

    /**
     * The options of the environment's client, such as its data converter, which its workers and its
     * self-check replay use too; never {@code null}.
     */
    public WorkflowClientOptions getWorkflowClientOptions() {
        return workflowClientOptions;
    }

    /**
     * The payload codecs of the environment's client, workers and self-check replay; empty (never {@code null})
     * when payloads are recorded as plain JSON.
     */
    public List<PayloadCodec> getPayloadCodecs() {
        return workflowClientOptions.getPayloadCodecs();
    }

    /** Whether a failed workflow task makes pending client calls throw at once (default true). */
    public boolean isFailFast() {
        return failFast;
    }

    /** Whether every execution that closes is replayed once against the same code (default true). */
    public boolean isSelfCheckReplay() {
        return selfCheckReplay;
    }

    /**
     * How long, in real time, an activity attempt with a heartbeat timeout may neither heartbeat nor return
     * before the environment counts it as hung and lets virtual time move on to its heartbeat timeout; never
     * {@code null}.
     */
    public Duration getHungActivityThreshold() {
        return hungActivityThreshold;
    }

    /** The limits of a run's history in the environment's service; never {@code null}. */
    public HistoryLimits getHistoryLimits() {
        return historyLimits;
    }

    /** The infrastructure faults the environment injects; {@link FaultPlan#none()} unless set. */
    public FaultPlan getFaultPlan() {
        return faultPlan;
    }

    /**
     * Whether virtual time skips ahead on its own while a client waits for a workflow result (default true); see
     * {@link Builder#setUseTimeskipping}.
     *
     * @since 0.1
     */
    public boolean isUseTimeskipping() {
        return useTimeskipping;
    }

    /**
     * Whether the environment installs the determinism agent and checks its workflow code with it: as set with
     * {@link Builder#setDeterminismAgentEnabled}, else true unless the system property
     * {@value #DETERMINISM_AGENT_PROPERTY} is {@code false} when this is asked.
     */
    public boolean isDeterminismAgentEnabled() {
        if (determinismAgentEnabled != null) {
            return determinismAgentEnabled;
        }
        return !"false".equalsIgnoreCase(System.getProperty(DETERMINISM_AGENT_PROPERTY, "true").trim());
    }

    /** Builds {@link TestEnvironmentOptions}. */
    public static final class Builder {
        private Long seed;
        private Instant initialTime = DEFAULT_INITIAL_TIME;
        private WorkerFactoryOptions workerFactoryOptions = WorkerFactoryOptions.getDefaultInstance();
        private WorkflowClientOptions workflowClientOptions = WorkflowClientOptions.getDefaultInstance();
        private List<PayloadCodec> payloadCodecs;
        private boolean failFast = true;
        private boolean selfCheckReplay = true;
        private Duration hungActivityThreshold = DEFAULT_HUNG_ACTIVITY_THRESHOLD;
        private HistoryLimits historyLimits = HistoryLimits.getDefaultInstance();
        private FaultPlan faultPlan = FaultPlan.none();
        private boolean useTimeskipping = true;
        private Boolean determinismAgentEnabled;

        private Builder() {
        }

        /**
         * Sets the seed of everything random in the environment: the run ids, and through them what
         * {@code Workflow.newRandom()} and {@code Workflow.randomUUID()} return, and the order of deadlines due at
         * the same virtual instant (timers of different executions, a timer and a planned signal, retries and
         * timeouts): one seed always gives one order, other seeds other orders. Without a seed the environment
         * chooses one, which {@link TestWorkflowEnvironment#getSeed()} returns.
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the virtual time the environment starts at. */
        public Builder setInitialTime(Instant initialTime) {
            this.initialTime = Objects.requireNonNull(initialTime, "initialTime");
            return this;
        }

        /**
         * Sets the options of the environment's worker factory: cache size, strict replay and concurrent
         * activities apply; the number of workflow task pollers does not (the environment's own thread runs
         * its workflow tasks, see {@link TestWorkflowEnvironment}).
         */
        public Builder setWorkerFactoryOptions(WorkerFactoryOptions options) {
            this.workerFactoryOptions = Objects.requireNonNull(options, "workerFactoryOptions");
            return this;
        }

        /**
         * Sets the options of the environment's client, such as a data converter of the application's own
         * ({@link WorkflowClientOptions.Builder#setDataConverter}); the environment's workers and its self-check
         * replay convert payloads with the same converter.
         */
        public Builder setWorkflowClientOptions(WorkflowClientOptions options) {
            this.workflowClientOptions = Objects.requireNonNull(options, "workflowClientOptions");
            return this;
        }

        /**
         * Sets the payload codecs that the environment's client, workers and self-check replay apply to every
         * payload, in this order to encode (see {@link WorkflowClientOptions.Builder#setPayloadCodecs(List)}); they
         * replace those of {@link #setWorkflowClientOptions}, whichever is called first.
         *
         * @param payloadCodecs the codecs; none for plain JSON payloads
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(PayloadCodec... payloadCodecs) {
            Objects.requireNonNull(payloadCodecs, "payloadCodecs");
            return setPayloadCodecs(Arrays.asList(payloadCodecs));
        }

        /**
         * Sets the payload codecs like {@link #setPayloadCodecs(PayloadCodec...)}.
         *
         * @param payloadCodecs the codecs, in the order they encode; never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(List<? extends PayloadCodec> payloadCodecs) {
            this.payloadCodecs = WorkflowClientOptions.newBuilder().setPayloadCodecs(payloadCodecs).build()
                    .getPayloadCodecs();
            return this;
        }

        /** Sets whether a failed workflow task makes pending client calls throw at once. */
        public Builder setFailFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /**
         * Sets whether every execution that closes is replayed once against the same code, off the result's
         * path; nondeterminism it finds makes {@code close()} of the environment throw. Executions of workflow
         * types registered with {@code Worker.registerWorkflowImplementationFactory} are not replayed: the replay
         * would call the factory and its instance (often a mock a test verifies) once more.
         */
        public Builder setSelfCheckReplay(boolean selfCheckReplay) {
            this.selfCheckReplay = selfCheckReplay;
            return this;
        }

        /**
         * Sets how long, in real time, an activity attempt may neither heartbeat nor return before it counts as
         * hung (default {@link #DEFAULT_HUNG_ACTIVITY_THRESHOLD}).
         *
         * <p>Activity code runs at frozen virtual time, and the clock waits for running attempts. An attempt
         * that has a heartbeat timeout and goes quiet for this long stops holding the clock: virtual time may
         * move on, to its heartbeat timeout or an earlier deadline. Once the heartbeat timeout passes, the
         * attempt times out and its retry policy applies, as in production, and its next heartbeat throws
         * {@code CanceledFailure}; a heartbeat before then puts it back on the clock. An attempt without a
         * heartbeat timeout holds the clock until it returns; the environment logs a warning naming it once it
         * has been quiet this long. The environment looks every 200 ms.
         */
        public Builder setHungActivityThreshold(Duration threshold) {
            Objects.requireNonNull(threshold, "hungActivityThreshold");
            if (threshold.isNegative() || threshold.isZero()) {
                throw new IllegalArgumentException("hungActivityThreshold must be positive, was " + threshold);
            }
            this.hungActivityThreshold = threshold;
            return this;
        }

        /**
         * Sets how long a run's history may grow (default {@link HistoryLimits#getDefaultInstance()}): where the
         * service warns and {@code Workflow.getInfo().isContinueAsNewSuggested()} turns true, and past what it
         * terminates the run. Small limits let a test reach them in a few events.
         */
        public Builder setHistoryLimits(HistoryLimits limits) {
            this.historyLimits = Objects.requireNonNull(limits, "historyLimits");
            return this;
        }

        /**
         * Sets the infrastructure faults the environment injects (default {@link FaultPlan#none()}): activity
         * attempts that fail, time out, are delayed or lose their completion, a worker crash after a workflow task,
         * signals at given virtual times. With the same seed and plan, a run is the same run.
         *
         * <p>An activity fault hits that attempt of every activity of its type. A delay counts against the
         * attempt's timeouts; a lost completion or a timed-out attempt is retried once its start-to-close (or
         * heartbeat) timeout passes, and ends the activity when only a schedule-to-close timeout is left to
         * reach. A crash evicts every cached execution, to be rebuilt by replay, and loses the outcome of the
         * activity attempts queued or running then. A signal due while its workflow is not running (not started
         * yet, or closed) is not sent, and nothing fails; one due after the last instant the test lets the clock
         * reach is never sent.
         */
        public Builder setFaultPlan(FaultPlan faultPlan) {
            this.faultPlan = Objects.requireNonNull(faultPlan, "faultPlan");
            return this;
        }

        /**
         * Sets whether the environment installs the determinism agent and checks its workflow code with it
         * (default true, unless the system property {@value #DETERMINISM_AGENT_PROPERTY} is {@code false}).
         *
         * <p>With the agent on, workflow code of the environment's workers that calls the wall clock, randomness,
         * threads, blocking waits, I/O or {@code System.getenv} throws
         * {@link dev.hourglass.failure.NondeterministicCallError}: the workflow task fails, and the waiting client
         * call with it (see {@link #setFailFast}). The agent is installed once per JVM, by the first environment
         * that has it on. Off, the environment neither installs it nor has its workflow code checked, even where
         * another environment of the same JVM installed it; for a test that makes such calls on purpose:
         *
         * <pre>{@code
         * TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
         *         .setDeterminismAgentEnabled(false) // this test replays a workflow that reads the clock
         *         .build());
         * }</pre>
         */
        public Builder setDeterminismAgentEnabled(boolean enabled) {
            this.determinismAgentEnabled = enabled;
            return this;
        }

        /**
         * Sets whether virtual time skips ahead on its own while a client waits for a workflow result (default
         * true). With {@code false}, the environment starts with automatic skipping off, as after
         * {@link TestWorkflowEnvironment#setTimeSkippingDisabled setTimeSkippingDisabled(true)}: virtual time moves
         * only in {@link TestWorkflowEnvironment#sleep}, so start workflows with {@code WorkflowClient.start} and
         * move time from the test. {@code setTimeSkippingDisabled(false)} turns skipping back on.
         *
         * @param useTimeskipping whether time skips on its own
         * @return this builder
         * @since 0.1
         */
        public Builder setUseTimeskipping(boolean useTimeskipping) {
            this.useTimeskipping = useTimeskipping;
            return this;
        }

        /** Returns the options. */
        public TestEnvironmentOptions build() {
            return new TestEnvironmentOptions(this);
        }
    }
}
