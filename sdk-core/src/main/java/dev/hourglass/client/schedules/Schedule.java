package dev.hourglass.client.schedules;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A schedule: what it does ({@link ScheduleAction}), when ({@link ScheduleSpec}), how it handles overlaps and
 * missed times ({@link SchedulePolicy}), and whether it is paused ({@link ScheduleState}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Schedule {

    private final ScheduleAction action;
    private final ScheduleSpec spec;
    private final SchedulePolicy policy;
    private final ScheduleState state;

    private Schedule(Builder builder) {
        this.action = builder.action;
        this.spec = builder.spec;
        this.policy = builder.policy;
        this.state = builder.state;
    }

    /** Returns an empty builder. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding what {@code schedule} holds, to change part of it in an update. */
    public static Builder newBuilder(Schedule schedule) {
        return new Builder().setAction(schedule.action).setSpec(schedule.spec).setPolicy(schedule.policy)
                .setState(schedule.state);
    }

    /** The action; never {@code null}. */
    public ScheduleAction getAction() {
        return action;
    }

    /** The spec; never {@code null}. */
    public ScheduleSpec getSpec() {
        return spec;
    }

    /** The policy; never {@code null}. */
    public SchedulePolicy getPolicy() {
        return policy;
    }

    /** The state; never {@code null}. */
    public ScheduleState getState() {
        return state;
    }

    @Override
    public String toString() {
        return "Schedule{action=" + action + ", spec=" + spec + ", policy=" + policy + ", state=" + state + "}";
    }

    /** Builds a {@link Schedule}. */
    public static final class Builder {
        private ScheduleAction action;
        private ScheduleSpec spec;
        private SchedulePolicy policy = SchedulePolicy.newBuilder().build();
        private ScheduleState state = ScheduleState.newBuilder().build();

        private Builder() {
        }

        /** Sets the action; required. */
        public Builder setAction(ScheduleAction action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** Sets the spec; required. */
        public Builder setSpec(ScheduleSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /** Sets the policy; {@code null} for the defaults. */
        public Builder setPolicy(SchedulePolicy policy) {
            this.policy = policy == null ? SchedulePolicy.newBuilder().build() : policy;
            return this;
        }

        /** Sets the state; {@code null} for running and unlimited. */
        public Builder setState(ScheduleState state) {
            this.state = state == null ? ScheduleState.newBuilder().build() : state;
            return this;
        }

        /**
         * Builds the schedule.
         *
         * @throws IllegalStateException if the action or the spec is missing
         */
        public Schedule build() {
            if (action == null || spec == null) {
                throw new IllegalStateException("a Schedule needs an action and a spec, got action=" + action
                        + ", spec=" + spec + "; call setAction(ScheduleActionStartWorkflow...) and"
                        + " setSpec(ScheduleSpec...)");
            }
            return new Schedule(this);
        }
    }
}
