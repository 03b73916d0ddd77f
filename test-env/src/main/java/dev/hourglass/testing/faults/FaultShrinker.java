package dev.hourglass.testing.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Shrinks a failing {@link FaultPlan} to a smaller one that still fails: fewer faults first, then earlier attempts,
 * workflow tasks and signals, shorter delays, then simpler kinds ({@link Fault.Kind} order). Deterministic: the
 * same plan and the same answers of the predicate give the same steps and the same result.
 *
 * <pre>{@code
 * FaultShrinker.Result shrunk = FaultShrinker.shrink(failingPlan, plan -> fails(seed, plan));
 * FaultPlan smallest = shrunk.getPlan(); // no fault can be removed and still fail
 * }</pre>
 *
 * <p>The shrinker tries the {@link #candidates candidates} of the current plan in order and moves to the first
 * that still fails, until none does or the bound of runs is reached. Since every single-fault removal is a
 * candidate, a plan shrunk to the end is 1-minimal: removing any one of its faults makes the failure go away.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FaultShrinker {

    /** How many plans {@link #shrink(FaultPlan, Predicate)} tries at most. */
    public static final int DEFAULT_MAX_RUNS = 500;

    private static final Duration SHORTEST_DELAY = Duration.ofSeconds(1);

    private FaultShrinker() {
    }

    /**
     * Returns the plans one step simpler than {@code plan}, simplest first: without half of its faults (for plans of
     * four faults or more), without one fault, then each fault on attempt 1 or one attempt earlier, crashing after
     * workflow task 1, half as late or one task earlier, a signal at the start of the clock or half as late (in whole
     * milliseconds), a delay of 1 second or half as long (not under 1 second), then each activity fault turned into
     * each simpler activity kind, simplest first, a non-retryable failure only on attempt 1 (as {@link FaultSpace}
     * draws them). Candidates that would put two faults on one activity attempt are left out.
     *
     * @param plan the plan; never {@code null}
     * @return the candidates, without duplicates and without {@code plan} itself; empty for {@link FaultPlan#none()}
     */
    public static List<FaultPlan> candidates(FaultPlan plan) {
        Objects.requireNonNull(plan, "plan");
        Set<FaultPlan> out = new LinkedHashSet<>();
        List<Fault> faults = plan.getFaults();
        if (faults.size() >= 4) {
            int half = faults.size() / 2;
            out.add(of(faults.subList(half, faults.size())));
            out.add(of(faults.subList(0, half)));
        }
        for (Fault fault : faults) {
            out.add(plan.without(fault));
        }
        for (Fault fault : faults) {
            for (Fault simpler : earlier(fault)) {
                replace(plan, fault, simpler, out);
            }
        }
        for (Fault fault : faults) {
            for (Fault simpler : simplerKinds(fault)) {
                replace(plan, fault, simpler, out);
            }
        }
        out.remove(plan);
        return List.copyOf(out);
    }

    /**
     * Shrinks {@code failing} with at most {@value #DEFAULT_MAX_RUNS} runs of {@code stillFails}.
     *
     * @param failing a plan that fails; never {@code null}
     * @param stillFails whether a plan still fails, the same way; never {@code null}
     * @return the smallest plan found and how many runs it took; never {@code null}
     */
    public static Result shrink(FaultPlan failing, Predicate<FaultPlan> stillFails) {
        return shrink(failing, stillFails, DEFAULT_MAX_RUNS);
    }

    /**
     * Shrinks {@code failing} with at most {@code maxRuns} runs of {@code stillFails}.
     *
     * @param failing a plan that fails; never {@code null}
     * @param stillFails whether a plan still fails, the same way; never {@code null}
     * @param maxRuns the most runs of {@code stillFails}, 0 or more
     * @return the smallest plan found and how many runs it took; never {@code null}
     */
    public static Result shrink(FaultPlan failing, Predicate<FaultPlan> stillFails, int maxRuns) {
        Objects.requireNonNull(failing, "failing");
        Objects.requireNonNull(stillFails, "stillFails");
        if (maxRuns < 0) {
            throw new IllegalArgumentException("maxRuns must be 0 or more, not " + maxRuns);
        }
        FaultPlan current = failing;
        int runs = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (FaultPlan candidate : candidates(current)) {
                if (runs == maxRuns) {
                    return new Result(current, runs, false);
                }
                runs++;
                if (stillFails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return new Result(current, runs, true);
    }

    private static FaultPlan of(List<Fault> faults) {
        FaultPlan.Builder builder = FaultPlan.newBuilder();
        faults.forEach(builder::add);
        return builder.build();
    }

    private static void replace(FaultPlan plan, Fault fault, Fault replacement, Set<FaultPlan> out) {
        try {
            out.add(plan.without(fault).toBuilder().add(replacement).build());
        } catch (IllegalArgumentException clash) {
            // another fault of the plan is on that activity attempt: not a candidate
        }
    }

    /** The same fault, earlier: on an earlier attempt, after an earlier task, at an earlier time, shorter. */
    private static List<Fault> earlier(Fault fault) {
        List<Fault> out = new ArrayList<>();
        switch (fault.getKind()) {
            case CRASH_WORKER_AFTER_WORKFLOW_TASK:
                int task = fault.getWorkflowTask();
                for (int earlier : new int[] {1, task / 2, task - 1}) {
                    if (earlier >= 1 && earlier < task) {
                        out.add(Fault.crash(earlier));
                    }
                }
                return out;
            case SIGNAL_AT:
                Duration at = fault.getAt();
                for (Duration earlier : new Duration[] {Duration.ZERO, Duration.ofMillis(at.toMillis() / 2)}) {
                    if (earlier.compareTo(at) < 0) {
                        out.add(Fault.signal(fault.getWorkflowId(), earlier, fault.getSignalName(),
                                fault.getSignalArgs().toArray()));
                    }
                }
                return out;
            default:
                int attempt = fault.getAttempt();
                for (int earlier : new int[] {1, attempt - 1}) {
                    if (earlier >= 1 && earlier < attempt) {
                        out.add(Fault.activity(fault.getKind(), fault.getActivityType(), earlier,
                                fault.getFailureType(), fault.getDelay()));
                    }
                }
                if (fault.getKind() == Fault.Kind.DELAY_ACTIVITY) {
                    Duration delay = fault.getDelay();
                    Duration half = Duration.ofMillis(delay.toMillis() / 2);
                    for (Duration shorter : new Duration[] {SHORTEST_DELAY, half}) {
                        if (shorter.compareTo(delay) < 0 && shorter.compareTo(SHORTEST_DELAY) >= 0) {
                            out.add(Fault.activity(fault.getKind(), fault.getActivityType(), attempt, null,
                                    shorter));
                        }
                    }
                }
                return out;
        }
    }

    /** The same activity attempt with each simpler activity kind, simplest first. */
    private static List<Fault> simplerKinds(Fault fault) {
        List<Fault> out = new ArrayList<>();
        if (fault.getActivityType() == null) {
            return out;
        }
        for (Fault.Kind kind : Fault.Kind.values()) {
            if (kind.compareTo(fault.getKind()) >= 0) {
                break;
            }
            if (kind == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE && fault.getAttempt() > 1) {
                continue; // a refusal after an attempt that may have taken effect: not what an activity does
            }
            String failureType = kind == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE ? FaultSpace.DEFAULT_FAILURE_TYPE
                    : null;
            Duration delay = kind == Fault.Kind.DELAY_ACTIVITY ? SHORTEST_DELAY : null;
            out.add(Fault.activity(kind, fault.getActivityType(), fault.getAttempt(), failureType, delay));
        }
        return out;
    }

    /**
     * What shrinking found: the smallest failing plan, and how many runs it took.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Result {
        private final FaultPlan plan;
        private final int runs;
        private final boolean complete;

        private Result(FaultPlan plan, int runs, boolean complete) {
            this.plan = plan;
            this.runs = runs;
            this.complete = complete;
        }

        /** The smallest plan found that still fails; the plan shrinking started from if none smaller did. */
        public FaultPlan getPlan() {
            return plan;
        }

        /** How many plans were tried. */
        public int getRuns() {
            return runs;
        }

        /**
         * Whether shrinking went to the end, so that the plan is 1-minimal; false when it stopped at the bound of
         * runs.
         */
        public boolean isComplete() {
            return complete;
        }

        @Override
        public String toString() {
            return plan + " after " + runs + (runs == 1 ? " run" : " runs")
                    + (complete ? "" : " (stopped at the bound)");
        }
    }
}
