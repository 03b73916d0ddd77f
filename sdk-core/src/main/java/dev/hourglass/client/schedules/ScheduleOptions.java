package dev.hourglass.client.schedules;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Options of creating a schedule: whether to act at once, and past ranges to backfill.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleOptions {

    private final boolean triggerImmediately;
    private final List<ScheduleBackfill> backfills;

    private ScheduleOptions(Builder builder) {
        this.triggerImmediately = builder.triggerImmediately;
        this.backfills = builder.backfills;
    }

    /** Returns a builder of the defaults: no immediate action, no backfill. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns the defaults. */
    public static ScheduleOptions getDefaultInstance() {
        return new Builder().build();
    }

    /** Whether the schedule acts once as soon as it is created, as {@link ScheduleHandle#trigger()} does. */
    public boolean isTriggerImmediately() {
        return triggerImmediately;
    }

    /** The ranges to backfill once the schedule is created; never {@code null}. */
    public List<ScheduleBackfill> getBackfills() {
        return backfills;
    }

    @Override
    public String toString() {
        return "ScheduleOptions{triggerImmediately=" + triggerImmediately + ", backfills=" + backfills + "}";
    }

    /** Builds {@link ScheduleOptions}. */
    public static final class Builder {
        private boolean triggerImmediately;
        private List<ScheduleBackfill> backfills = List.of();

        private Builder() {
        }

        /** Sets whether the schedule acts once as soon as it is created. */
        public Builder setTriggerImmediately(boolean triggerImmediately) {
            this.triggerImmediately = triggerImmediately;
            return this;
        }

        /** Sets the ranges to backfill once the schedule is created. */
        public Builder setBackfills(List<ScheduleBackfill> backfills) {
            this.backfills = List.copyOf(Objects.requireNonNull(backfills, "backfills"));
            return this;
        }

        /** Builds the options. */
        public ScheduleOptions build() {
            return new ScheduleOptions(this);
        }
    }
}
