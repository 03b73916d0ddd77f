package dev.hourglass.testing.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A schedule of infrastructure failures for one run of a test environment: activity attempts that fail, time out,
 * are delayed or lose their completion; a worker that crashes after a workflow task; signals delivered at given
 * virtual times. An immutable value: two plans with the same faults are equal whatever order they were added in,
 * and {@link #toString()} is the Java code that rebuilds the plan.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.newBuilder()
 *         .failActivity("withdraw", 1)
 *         .loseActivityCompletion("deposit", 1)
 *         .build();
 * }</pre>
 *
 * <p>An activity type is the name of the activity method ({@code withdraw}), or the name its
 * {@code @ActivityMethod} gives; attempts and workflow tasks count from 1.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(List.of());

    private final List<Fault> faults;

    private FaultPlan(List<Fault> faults) {
        this.faults = faults;
    }

    /** The plan without faults: everything works. */
    public static FaultPlan none() {
        return NONE;
    }

    /** Returns a builder of a plan with no faults yet. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder that starts with this plan's faults. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.faults.addAll(faults);
        return builder;
    }

    /** The faults, in a canonical order (by kind, then by activity type and attempt, workflow id, time, task). */
    public List<Fault> getFaults() {
        return faults;
    }

    /** Whether the plan has no faults. */
    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** This plan without {@code fault}; this plan itself if it does not have it. */
    public FaultPlan without(Fault fault) {
        List<Fault> kept = new ArrayList<>(faults);
        return kept.remove(fault) ? new FaultPlan(List.copyOf(kept)) : this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FaultPlan && faults.equals(((FaultPlan) other).faults);
    }

    @Override
    public int hashCode() {
        return faults.hashCode();
    }

    /**
     * The Java code that rebuilds this plan: {@code FaultPlan.none()}, or
     * {@code FaultPlan.newBuilder().failActivity("withdraw", 1).build()} (one fault per line when there are several).
     */
    @Override
    public String toString() {
        if (faults.isEmpty()) {
            return "FaultPlan.none()";
        }
        if (faults.size() == 1) {
            return "FaultPlan.newBuilder()" + faults.get(0) + ".build()";
        }
        StringBuilder code = new StringBuilder("FaultPlan.newBuilder()");
        for (Fault fault : faults) {
            code.append("\n        ").append(fault);
        }
        return code.append("\n        .build()").toString();
    }

    /** Builds a {@link FaultPlan}. At most one fault per activity attempt; the same fault twice counts once. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /** Attempt {@code attempt} of activity type {@code activityType} fails with a retryable failure before its implementation runs. */
        public Builder failActivity(String activityType, int attempt) {
            return add(Fault.activity(Fault.Kind.FAIL_ACTIVITY, activityType, attempt, null, null));
        }

        /**
         * Attempt {@code attempt} of {@code activityType} fails before its implementation runs, with a non-retryable
         * {@code ApplicationFailure} of type {@code failureType}: the activity is not retried.
         */
        public Builder failActivityNonRetryable(String activityType, int attempt, String failureType) {
            Objects.requireNonNull(failureType, "failureType");
            if (failureType.isBlank()) {
                throw new IllegalArgumentException("failureType must not be blank");
            }
            return add(Fault.activity(Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE, activityType, attempt, failureType,
                    null));
        }

        /**
         * Attempt {@code attempt} of {@code activityType} runs, but its completion is lost: the attempt times out
         * (start-to-close) and is retried, so the implementation runs again — at-least-once made visible.
         */
        public Builder loseActivityCompletion(String activityType, int attempt) {
            return add(Fault.activity(Fault.Kind.LOSE_ACTIVITY_COMPLETION, activityType, attempt, null, null));
        }

        /** Attempt {@code attempt} of {@code activityType} is never delivered to a worker: it times out and is retried. */
        public Builder timeOutActivity(String activityType, int attempt) {
            return add(Fault.activity(Fault.Kind.TIME_OUT_ACTIVITY, activityType, attempt, null, null));
        }

        /** Attempt {@code attempt} of {@code activityType} starts {@code delay} of virtual time late. */
        public Builder delayActivity(String activityType, int attempt, Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("the delay of an activity attempt must be positive, not " + delay);
            }
            return add(Fault.activity(Fault.Kind.DELAY_ACTIVITY, activityType, attempt, null, delay));
        }

        /**
         * The worker dies after its {@code workflowTask}-th workflow task (counting every task of every execution
         * from 1): every cached execution is evicted and rebuilt by replay; activities in flight are lost and
         * retried by their timeouts.
         */
        public Builder crashWorkerAfterWorkflowTask(int workflowTask) {
            return add(Fault.crash(workflowTask));
        }

        /**
         * Signal {@code signalName} with {@code args} is sent to workflow {@code workflowId} when the virtual clock
         * is {@code at} past its start. Arguments must be strings, numbers, booleans, characters, enum constants or
         * {@code null}, so that the plan prints as code.
         */
        public Builder signalAt(String workflowId, Duration at, String signalName, Object... args) {
            return add(Fault.signal(workflowId, at, signalName, args));
        }

        /**
         * Adds a fault of another plan.
         *
         * @throws IllegalArgumentException if the plan has another fault for the same activity attempt
         */
        public Builder add(Fault fault) {
            Objects.requireNonNull(fault, "fault");
            if (faults.contains(fault)) {
                return this;
            }
            for (Fault existing : faults) {
                if (existing.sameActivityAttempt(fault)) {
                    throw new IllegalArgumentException("attempt " + fault.getAttempt() + " of activity type '"
                            + fault.getActivityType() + "' already has a fault (" + existing + "), so it cannot also"
                            + " have " + fault + ": give each activity attempt one fault at most");
                }
            }
            faults.add(fault);
            return this;
        }

        /** Returns the plan. */
        public FaultPlan build() {
            if (faults.isEmpty()) {
                return NONE;
            }
            List<Fault> sorted = new ArrayList<>(faults);
            sorted.sort(Fault.ORDER);
            return new FaultPlan(List.copyOf(sorted));
        }
    }
}
