package dev.hourglass.client.schedules;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Whether a schedule is paused, with a note, and how many scheduled actions it has left if limited.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleState {

    private final boolean paused;
    private final String note;
    private final boolean limitedAction;
    private final long remainingActions;

    private ScheduleState(Builder builder) {
        this.paused = builder.paused;
        this.note = builder.note;
        this.limitedAction = builder.limitedAction;
        this.remainingActions = builder.remainingActions;
    }

    /** Returns a builder of a running, unlimited state. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding what {@code state} holds. */
    public static Builder newBuilder(ScheduleState state) {
        return new Builder().setPaused(state.paused).setNote(state.note).setLimitedAction(state.limitedAction)
                .setRemainingActions(state.remainingActions);
    }

    /** Whether the schedule is paused: its fire times start nothing (triggers and backfills still do). */
    public boolean isPaused() {
        return paused;
    }

    /** The note of the last pause or unpause, or {@code null}. */
    public String getNote() {
        return note;
    }

    /** Whether the schedule takes at most {@link #getRemainingActions()} more scheduled actions. */
    public boolean isLimitedAction() {
        return limitedAction;
    }

    /** The scheduled actions left when {@link #isLimitedAction()}; else 0. */
    public long getRemainingActions() {
        return remainingActions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleState that && paused == that.paused && Objects.equals(note, that.note)
                && limitedAction == that.limitedAction && remainingActions == that.remainingActions;
    }

    @Override
    public int hashCode() {
        return Objects.hash(paused, note, limitedAction, remainingActions);
    }

    @Override
    public String toString() {
        return "ScheduleState{paused=" + paused + ", note=" + note + ", limitedAction=" + limitedAction
                + ", remainingActions=" + remainingActions + "}";
    }

    /** Builds a {@link ScheduleState}. */
    public static final class Builder {
        private boolean paused;
        private String note;
        private boolean limitedAction;
        private long remainingActions;

        private Builder() {
        }

        /** Sets whether the schedule starts paused. */
        public Builder setPaused(boolean paused) {
            this.paused = paused;
            return this;
        }

        /** Sets a note, such as why it is paused; {@code null} for none. */
        public Builder setNote(String note) {
            this.note = note;
            return this;
        }

        /** Sets whether the scheduled actions are limited to {@link #setRemainingActions(long)}. */
        public Builder setLimitedAction(boolean limitedAction) {
            this.limitedAction = limitedAction;
            return this;
        }

        /** Sets how many scheduled actions are left when limited; at least 0. */
        public Builder setRemainingActions(long remainingActions) {
            if (remainingActions < 0) {
                throw new IllegalArgumentException("ScheduleState: remainingActions must be at least 0, was "
                        + remainingActions);
            }
            this.remainingActions = remainingActions;
            return this;
        }

        /** Builds the state. */
        public ScheduleState build() {
            return new ScheduleState(this);
        }
    }
}
