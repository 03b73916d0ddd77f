package dev.hourglass.testing.faults;

import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.internal.RecordingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One run of a {@link FuzzBody}: a seed and a fault plan, and test environments made of them.
 *
 * <pre>{@code
 * try (TestWorkflowEnvironment env = trial.newEnvironment()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #newEnvironment()} is the way to go: the trial remembers the environments it created and the workflow
 * ids their clients were given (typed and untyped stubs made with a workflow id, fetched histories), so that a
 * failure report shows the timelines of those executions, with their earlier runs and child workflows; and it
 * closes, after the body, any environment the body left open. An environment made by
 * {@code TestWorkflowEnvironment.newInstance(trial.environmentOptions())} runs the same, but is not in the report.
 *
 * <p>To rerun a trial from a report, pass {@link #of(long, FaultPlan)} to the body, or run the body's code with
 * {@code TestEnvironmentOptions.newBuilder().setSeed(seed).setFaultPlan(plan).build()}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FuzzTrial {

    private final int number;
    private final long seed;
    private final FaultPlan plan;
    private final boolean renderTimelines;
    private final List<RecordingEnvironment> environments = new ArrayList<>();

    FuzzTrial(int number, long seed, FaultPlan plan, boolean renderTimelines) {
        this.number = number;
        this.seed = seed;
        this.plan = plan;
        this.renderTimelines = renderTimelines;
    }

    /**
     * Returns a trial outside a fuzzer, to rerun one from a report: trial number 1, this seed and plan.
     *
     * @param seed the trial seed, as the report gives it
     * @param plan the plan, as the report gives it; never {@code null}
     * @return the trial; never {@code null}
     */
    public static FuzzTrial of(long seed, FaultPlan plan) {
        return new FuzzTrial(1, seed, Objects.requireNonNull(plan, "plan"), false);
    }

    /** The trial's number within its fuzzer run, from 1. */
    public int getNumber() {
        return number;
    }

    /** The seed of the trial's environments. */
    public long getSeed() {
        return seed;
    }

    /** The faults of the trial's environments; never {@code null}. */
    public FaultPlan getPlan() {
        return plan;
    }

    /**
     * Returns the options of the trial's environments: {@code TestEnvironmentOptions.newBuilder().setSeed(seed)
     * .setFaultPlan(plan).build()}.
     *
     * @return the options; never {@code null}
     */
    public TestEnvironmentOptions environmentOptions() {
        return TestEnvironmentOptions.newBuilder().setSeed(seed).setFaultPlan(plan).build();
    }

    /**
     * Returns {@code base} with the trial's seed and plan.
     *
     * @param base options to extend, such as a data converter; never {@code null}
     * @return the options; never {@code null}
     */
    public TestEnvironmentOptions environmentOptions(TestEnvironmentOptions base) {
        Objects.requireNonNull(base, "base");
        return TestEnvironmentOptions.newBuilder(base).setSeed(seed).setFaultPlan(plan).build();
    }

    /**
     * Returns a new environment with {@link #environmentOptions()}, which the trial remembers (see
     * {@link FuzzTrial}); closing it is up to the body, or done after it.
     *
     * @return the environment, not started; never {@code null}
     */
    public TestWorkflowEnvironment newEnvironment() {
        return remember(TestWorkflowEnvironment.newInstance(environmentOptions()));
    }

    /**
     * Returns a new environment with {@link #environmentOptions(TestEnvironmentOptions)}, which the trial remembers.
     *
     * @param base options to extend; never {@code null}
     * @return the environment, not started; never {@code null}
     */
    public TestWorkflowEnvironment newEnvironment(TestEnvironmentOptions base) {
        return remember(TestWorkflowEnvironment.newInstance(environmentOptions(base)));
    }

    private TestWorkflowEnvironment remember(TestWorkflowEnvironment env) {
        RecordingEnvironment recording = new RecordingEnvironment(env, renderTimelines);
        synchronized (environments) {
            environments.add(recording);
        }
        return recording;
    }

    /**
     * Closes the environments the body left open; returns what closing threw (a self-check replay that found
     * nondeterminism), or {@code null}.
     */
    Throwable closeEnvironments() {
        Throwable failure = null;
        for (RecordingEnvironment env : environments()) {
            try {
                env.close();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    /** The timelines of the executions of the trial's environments, rendered as they closed. */
    String timelines() {
        StringBuilder out = new StringBuilder();
        for (RecordingEnvironment env : environments()) {
            String timelines = env.timelines();
            if (!timelines.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n\n").append(timelines);
            }
        }
        return out.toString();
    }

    private List<RecordingEnvironment> environments() {
        synchronized (environments) {
            return new ArrayList<>(environments);
        }
    }

    @Override
    public String toString() {
        return "trial " + number + " (seed " + seed + "L, plan " + plan + ")";
    }
}
