package dev.hourglass.client.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When a schedule fires: the union of the fire times of its cron expressions and its intervals, between its start
 * and end time, each delayed by a jitter derived from the schedule id and the fire time.
 *
 * <pre>{@code
 * ScheduleSpec spec = ScheduleSpec.newBuilder()
 *     .setCronExpressions(List.of("0 9 * * MON-FRI"))
 *     .setTimeZone(ZoneId.of("Europe/Berlin"))
 *     .setJitter(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * <p>Cron expressions have five fields (minute, hour, day of month, month, day of week) or a nickname such as
 * {@code @daily}, as {@code WorkflowOptions.setCronSchedule} reads them; they are evaluated in the spec's time zone
 * (UTC unless set), or in the zone an expression names with a {@code CRON_TZ=<zone> } prefix.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ScheduleSpec {

    private final List<String> cronExpressions;
    private final List<ScheduleIntervalSpec> intervals;
    private final ZoneId timeZone;
    private final Instant startAt;
    private final Instant endAt;
    private final Duration jitter;

    private ScheduleSpec(Builder builder) {
        this.cronExpressions = builder.cronExpressions;
        this.intervals = builder.intervals;
        this.timeZone = builder.timeZone;
        this.startAt = builder.startAt;
        this.endAt = builder.endAt;
        this.jitter = builder.jitter;
    }

    /** Returns an empty builder: a spec that never fires until given cron expressions or intervals. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding what {@code spec} holds. */
    public static Builder newBuilder(ScheduleSpec spec) {
        return new Builder().setCronExpressions(spec.cronExpressions).setIntervals(spec.intervals)
                .setTimeZone(spec.timeZone).setStartAt(spec.startAt).setEndAt(spec.endAt).setJitter(spec.jitter);
    }

    /** The cron expressions; never {@code null}, maybe empty. */
    public List<String> getCronExpressions() {
        return cronExpressions;
    }

    /** The intervals; never {@code null}, maybe empty. */
    public List<ScheduleIntervalSpec> getIntervals() {
        return intervals;
    }

    /** The time zone of the cron expressions without {@code CRON_TZ=}; never {@code null} (UTC by default). */
    public ZoneId getTimeZone() {
        return timeZone;
    }

    /** The earliest fire time, or {@code null} for none. */
    public Instant getStartAt() {
        return startAt;
    }

    /** The latest fire time, or {@code null} for none. */
    public Instant getEndAt() {
        return endAt;
    }

    /** The largest delay added to each fire time; never {@code null} ({@link Duration#ZERO} by default). */
    public Duration getJitter() {
        return jitter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleSpec that && cronExpressions.equals(that.cronExpressions)
                && intervals.equals(that.intervals) && timeZone.equals(that.timeZone)
                && Objects.equals(startAt, that.startAt) && Objects.equals(endAt, that.endAt)
                && jitter.equals(that.jitter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cronExpressions, intervals, timeZone, startAt, endAt, jitter);
    }

    @Override
    public String toString() {
        return "ScheduleSpec{cronExpressions=" + cronExpressions + ", intervals=" + intervals + ", timeZone="
                + timeZone + ", startAt=" + startAt + ", endAt=" + endAt + ", jitter=" + jitter + "}";
    }

    /** Builds a {@link ScheduleSpec}. */
    public static final class Builder {
        private List<String> cronExpressions = List.of();
        private List<ScheduleIntervalSpec> intervals = List.of();
        private ZoneId timeZone = ZoneId.of("UTC");
        private Instant startAt;
        private Instant endAt;
        private Duration jitter = Duration.ZERO;

        private Builder() {
        }

        /** Sets the cron expressions; they are checked when the schedule is created or updated. */
        public Builder setCronExpressions(List<String> cronExpressions) {
            this.cronExpressions = List.copyOf(Objects.requireNonNull(cronExpressions, "cronExpressions"));
            return this;
        }

        /** Sets the intervals. */
        public Builder setIntervals(List<ScheduleIntervalSpec> intervals) {
            this.intervals = List.copyOf(Objects.requireNonNull(intervals, "intervals"));
            return this;
        }

        /** Sets the time zone of the cron expressions; {@code null} for UTC. Intervals do not depend on it. */
        public Builder setTimeZone(ZoneId timeZone) {
            this.timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
            return this;
        }

        /** Sets the earliest fire time; {@code null} for none. */
        public Builder setStartAt(Instant startAt) {
            this.startAt = startAt;
            return this;
        }

        /** Sets the latest fire time; {@code null} for none. */
        public Builder setEndAt(Instant endAt) {
            this.endAt = endAt;
            return this;
        }

        /**
         * Sets the largest delay added to each fire time, to spread the load of many schedules that fire at the same
         * instants. The delay of a fire time lies in {@code [0, jitter)} and depends only on the schedule id and the
         * fire time: the same schedule fires at the same instants in every run, test and replay. {@code null} for none.
         */
        public Builder setJitter(Duration jitter) {
            this.jitter = jitter == null ? Duration.ZERO : jitter;
            if (this.jitter.isNegative()) {
                throw new IllegalArgumentException("ScheduleSpec: jitter must not be negative, was " + jitter);
            }
            return this;
        }

        /**
         * Builds the spec.
         *
         * @throws IllegalStateException if {@code endAt} is before {@code startAt}
         */
        public ScheduleSpec build() {
            if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
                throw new IllegalStateException("ScheduleSpec: endAt (" + endAt + ") is before startAt (" + startAt
                        + "); a schedule with them would never fire");
            }
            return new ScheduleSpec(this);
        }
    }
}
