package dev.hourglass.testing.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * The fault plans a {@link FaultFuzzer} draws from: which activity types and attempts may fail, how many faults a
 * plan has at most, whether the worker may crash and after which workflow task, which signals may arrive and when.
 * {@link #sample(RandomGenerator)} is the generator, usable on its own with any property-testing library.
 *
 * <pre>{@code
 * FaultSpace space = FaultSpace.newBuilder()
 *         .addActivityTypes("withdraw", "deposit")
 *         .setMaxFaults(4)
 *         .build();
 * FaultPlan plan = space.generate(42L); // the same seed gives the same plan
 * }</pre>
 *
 * <p>The kinds drawn are, unless {@link Builder#setKinds set}: the five activity kinds when activity types were
 * added, {@link Fault.Kind#CRASH_WORKER_AFTER_WORKFLOW_TASK} when {@link Builder#setMaxWorkflowTasks} was given,
 * and {@link Fault.Kind#SIGNAL_AT} when signals were {@link Builder#addSignal added}. An immutable value.
 *
 * <p>A {@link Fault.Kind#FAIL_ACTIVITY_NON_RETRYABLE non-retryable failure} stands for the activity's own refusal
 * (a declined card, a closed account), so a space draws it on the first attempt only. On a later attempt it would
 * follow an attempt that may have run and taken effect, and an idempotent activity asked again answers with that
 * effect, never with a refusal: such a plan would make a correct workflow fail its invariant. Write the plan by hand
 * to test a workflow against an activity that does refuse on a retry.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FaultSpace {

    /** The failure type of the non-retryable failures a space draws, unless told otherwise. */
    public static final String DEFAULT_FAILURE_TYPE = "InjectedFault";

    private static final Set<Fault.Kind> ACTIVITY_KINDS = EnumSet.of(Fault.Kind.DELAY_ACTIVITY,
            Fault.Kind.FAIL_ACTIVITY, Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE, Fault.Kind.TIME_OUT_ACTIVITY,
            Fault.Kind.LOSE_ACTIVITY_COMPLETION);

    /** How often {@link #sample} draws again a fault that clashes with one it has, before it gives up on it. */
    private static final int DRAWS_PER_FAULT = 8;

    private final List<String> activityTypes;
    private final int maxFaults;
    private final int maxAttempt;
    private final int maxWorkflowTasks;
    private final List<SignalTemplate> signals;
    private final List<Fault.Kind> kinds;
    private final Duration minDelay;
    private final Duration maxDelay;
    private final String failureType;

    private FaultSpace(Builder builder, List<Fault.Kind> kinds) {
        this.activityTypes = List.copyOf(builder.activityTypes);
        this.maxFaults = builder.maxFaults;
        this.maxAttempt = builder.maxAttempt;
        this.maxWorkflowTasks = builder.maxWorkflowTasks;
        this.signals = List.copyOf(builder.signals);
        this.kinds = List.copyOf(kinds);
        this.minDelay = builder.minDelay;
        this.maxDelay = builder.maxDelay;
        this.failureType = builder.failureType;
    }

    /** Returns a builder of a space with no activity types, at most 3 faults on attempts 1 to 3. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Draws a plan: a number of faults from 0 to {@link #getMaxFaults()}, each of a kind of this space drawn
     * uniformly, then its activity type and attempt (attempt 1 for a non-retryable failure, see {@link FaultSpace}),
     * delay, workflow task or signal time drawn uniformly. A fault
     * that would clash with one already drawn (the same activity attempt) is drawn again a few times, then left
     * out. The plan depends only on what {@code random} returns.
     *
     * @param random the source of every choice; never {@code null}
     * @return the plan; never {@code null}
     */
    public FaultPlan sample(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        int count = random.nextInt(maxFaults + 1);
        FaultPlan.Builder plan = FaultPlan.newBuilder();
        List<Fault> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int draw = 0; draw < DRAWS_PER_FAULT; draw++) {
                Fault fault = draw(random);
                if (drawn.stream().noneMatch(fault::sameActivityAttempt)) {
                    drawn.add(fault);
                    plan.add(fault);
                    break;
                }
            }
        }
        return plan.build();
    }

    /**
     * Draws a plan from a seed: {@code sample(new SplittableRandom(seed))}.
     *
     * @param seed the seed; the same seed gives the same plan
     * @return the plan; never {@code null}
     */
    public FaultPlan generate(long seed) {
        return sample(new SplittableRandom(seed));
    }

    private Fault draw(RandomGenerator random) {
        Fault.Kind kind = kinds.get(random.nextInt(kinds.size()));
        switch (kind) {
            case CRASH_WORKER_AFTER_WORKFLOW_TASK:
                return Fault.crash(1 + random.nextInt(maxWorkflowTasks));
            case SIGNAL_AT:
                SignalTemplate signal = signals.get(random.nextInt(signals.size()));
                Duration at = Duration.ofMillis(random.nextLong(signal.maxDelay.toMillis() + 1));
                return Fault.signal(signal.workflowId, at, signal.signalName, signal.args.toArray());
            default:
                String type = activityTypes.get(random.nextInt(activityTypes.size()));
                int attempt = kind == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE ? 1 : 1 + random.nextInt(maxAttempt);
                Duration delay = kind == Fault.Kind.DELAY_ACTIVITY ? Duration.ofMillis(
                        random.nextLong(minDelay.toMillis(), maxDelay.toMillis() + 1)) : null;
                String failure = kind == Fault.Kind.FAIL_ACTIVITY_NON_RETRYABLE ? failureType : null;
                return Fault.activity(kind, type, attempt, failure, delay);
        }
    }

    /** The activity types whose attempts may fail, in the order they were added; may be empty. */
    public List<String> getActivityTypes() {
        return activityTypes;
    }

    /** The most faults a plan of this space has. */
    public int getMaxFaults() {
        return maxFaults;
    }

    /** The highest attempt (counting from 1) an activity fault is about. */
    public int getMaxAttempt() {
        return maxAttempt;
    }

    /** The highest workflow task a worker crashes after, or 0 when the worker never crashes. */
    public int getMaxWorkflowTasks() {
        return maxWorkflowTasks;
    }

    /** The kinds of fault drawn, in {@link Fault.Kind} order; never empty. */
    public List<Fault.Kind> getKinds() {
        return kinds;
    }

    /** The shortest delay of a delayed activity attempt. */
    public Duration getMinDelay() {
        return minDelay;
    }

    /** The longest delay of a delayed activity attempt. */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    /** The failure type of non-retryable failures. */
    public String getFailureType() {
        return failureType;
    }

    /** A signal that a plan may deliver, at a time drawn between the start of the clock and a bound. */
    private static final class SignalTemplate {
        final String workflowId;
        final String signalName;
        final Duration maxDelay;
        final List<Object> args;

        SignalTemplate(String workflowId, String signalName, Duration maxDelay, List<Object> args) {
            this.workflowId = workflowId;
            this.signalName = signalName;
            this.maxDelay = maxDelay;
            this.args = args;
        }
    }

    /**
     * Builds a {@link FaultSpace}.
     *
     * @since 0.1
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<String> activityTypes = new ArrayList<>();
        private final List<SignalTemplate> signals = new ArrayList<>();
        private int maxFaults = 3;
        private int maxAttempt = 3;
        private int maxWorkflowTasks;
        private Set<Fault.Kind> kinds;
        private Duration minDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(1);
        private String failureType = DEFAULT_FAILURE_TYPE;

        private Builder() {
        }

        /**
         * Adds activity types whose attempts may fail: activity method names, or the names their
         * {@code @ActivityMethod} gives.
         *
         * @param activityTypes the types; never {@code null}, none blank
         * @return this builder
         */
        public Builder addActivityTypes(String... activityTypes) {
            Objects.requireNonNull(activityTypes, "activityTypes");
            for (String type : activityTypes) {
                Objects.requireNonNull(type, "activityTypes[]");
                if (type.isBlank()) {
                    throw new IllegalArgumentException("an activity type must not be blank");
                }
                if (!this.activityTypes.contains(type)) {
                    this.activityTypes.add(type);
                }
            }
            return this;
        }

        /**
         * Sets the most faults a plan has (default 3); plans have from 0 to that many.
         *
         * @param maxFaults 1 or more
         * @return this builder
         */
        public Builder setMaxFaults(int maxFaults) {
            if (maxFaults < 1) {
                throw new IllegalArgumentException("maxFaults must be 1 or more, not " + maxFaults);
            }
            this.maxFaults = maxFaults;
            return this;
        }

        /**
         * Sets the highest attempt an activity fault is about (default 3): faults fall on attempts 1 to that.
         *
         * @param maxAttempt 1 or more
         * @return this builder
         */
        public Builder setMaxAttempt(int maxAttempt) {
            if (maxAttempt < 1) {
                throw new IllegalArgumentException("maxAttempt must be 1 or more (the first attempt is 1), not "
                        + maxAttempt);
            }
            this.maxAttempt = maxAttempt;
            return this;
        }

        /**
         * Lets the worker crash after one of its first {@code maxWorkflowTasks} workflow tasks (default 0: never).
         *
         * @param maxWorkflowTasks 1 or more, or 0 for no crashes
         * @return this builder
         */
        public Builder setMaxWorkflowTasks(int maxWorkflowTasks) {
            if (maxWorkflowTasks < 0) {
                throw new IllegalArgumentException("maxWorkflowTasks must be 0 (no crashes) or more, not "
                        + maxWorkflowTasks);
            }
            this.maxWorkflowTasks = maxWorkflowTasks;
            return this;
        }

        /**
         * Lets plans deliver signal {@code signalName} with {@code args} to workflow {@code workflowId} at a
         * virtual time from the start of the clock to {@code maxDelay} past it, in whole milliseconds.
         *
         * @param workflowId the workflow to signal; never {@code null} or blank
         * @param signalName the signal; never {@code null} or blank
         * @param maxDelay the latest time, from the start of the clock; never {@code null} or negative
         * @param args the signal's arguments: strings, numbers, booleans, characters, enum constants or
         *     {@code null} elements, so that a plan prints as code; the array itself never {@code null}
         * @return this builder
         */
        public Builder addSignal(String workflowId, String signalName, Duration maxDelay, Object... args) {
            Objects.requireNonNull(maxDelay, "maxDelay");
            Fault.signal(workflowId, maxDelay, signalName, args); // checks every argument
            signals.add(new SignalTemplate(workflowId, signalName, maxDelay,
                    Collections.unmodifiableList(new ArrayList<>(Arrays.asList(args)))));
            return this;
        }

        /**
         * Sets the kinds of fault drawn, replacing the defaults (see {@link FaultSpace}).
         *
         * @param kinds one or more kinds; never {@code null}
         * @return this builder
         */
        public Builder setKinds(Fault.Kind... kinds) {
            Objects.requireNonNull(kinds, "kinds");
            if (kinds.length == 0) {
                throw new IllegalArgumentException("give at least one kind of fault");
            }
            Set<Fault.Kind> set = EnumSet.noneOf(Fault.Kind.class);
            for (Fault.Kind kind : kinds) {
                set.add(Objects.requireNonNull(kind, "kinds[]"));
            }
            this.kinds = set;
            return this;
        }

        /**
         * Sets the range of delays of {@link Fault.Kind#DELAY_ACTIVITY} (default 1 second to 1 minute), drawn in
         * whole milliseconds.
         *
         * @param min the shortest delay, at least a millisecond; never {@code null}
         * @param max the longest delay, at least {@code min}; never {@code null}
         * @return this builder
         */
        public Builder setDelayRange(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.toMillis() < 1 || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("the delay range must go from at least 1 ms up to at least its"
                        + " start, not from " + min + " to " + max);
            }
            this.minDelay = min;
            this.maxDelay = max;
            return this;
        }

        /**
         * Sets the failure type of the non-retryable failures drawn (default {@value #DEFAULT_FAILURE_TYPE}).
         *
         * @param failureType the type; never {@code null} or blank
         * @return this builder
         */
        public Builder setFailureType(String failureType) {
            Objects.requireNonNull(failureType, "failureType");
            if (failureType.isBlank()) {
                throw new IllegalArgumentException("failureType must not be blank");
            }
            this.failureType = failureType;
            return this;
        }

        /**
         * Returns the space.
         *
         * @return the space; never {@code null}
         * @throws IllegalStateException if it could draw no fault, or a kind it draws lacks what it needs (activity
         *     types, a number of workflow tasks, a signal)
         */
        public FaultSpace build() {
            Set<Fault.Kind> chosen = EnumSet.noneOf(Fault.Kind.class);
            if (kinds != null) {
                chosen.addAll(kinds);
            } else {
                if (!activityTypes.isEmpty()) {
                    chosen.addAll(ACTIVITY_KINDS);
                }
                if (maxWorkflowTasks > 0) {
                    chosen.add(Fault.Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK);
                }
                if (!signals.isEmpty()) {
                    chosen.add(Fault.Kind.SIGNAL_AT);
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalStateException("the fault space has nothing to draw: add activity types"
                        + " (addActivityTypes), let the worker crash (setMaxWorkflowTasks) or add a signal"
                        + " (addSignal)");
            }
            for (Fault.Kind kind : chosen) {
                if (ACTIVITY_KINDS.contains(kind) && activityTypes.isEmpty()) {
                    throw new IllegalStateException("the fault space draws " + kind + " but has no activity type:"
                            + " call addActivityTypes");
                }
                if (kind == Fault.Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK && maxWorkflowTasks == 0) {
                    throw new IllegalStateException("the fault space draws " + kind + " but does not say after"
                            + " which workflow tasks: call setMaxWorkflowTasks");
                }
                if (kind == Fault.Kind.SIGNAL_AT && signals.isEmpty()) {
                    throw new IllegalStateException("the fault space draws " + kind + " but has no signal: call"
                            + " addSignal");
                }
            }
            return new FaultSpace(this, new ArrayList<>(chosen));
        }
    }
}
