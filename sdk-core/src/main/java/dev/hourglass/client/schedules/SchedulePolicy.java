package dev.hourglass.client.schedules;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a schedule handles overlapping runs, fire times missed while no worker ran, and failed runs.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SchedulePolicy {

    /** The catch-up window unless set: one minute. */
    public static final Duration DEFAULT_CATCHUP_WINDOW = Duration.ofMinutes(1);

    private final ScheduleOverlapPolicy overlap;
    private final Duration catchupWindow;
    private final boolean pauseOnFailure;

    private SchedulePolicy(Builder builder) {
        this.overlap = builder.overlap;
        this.catchupWindow = builder.catchupWindow;
        this.pauseOnFailure = builder.pauseOnFailure;
    }

    /** Returns a builder of the defaults: {@link ScheduleOverlapPolicy#SKIP}, a one-minute catch-up window. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Returns a builder holding what {@code policy} holds. */
    public static Builder newBuilder(SchedulePolicy policy) {
        return new Builder().setOverlap(policy.overlap).setCatchupWindow(policy.catchupWindow)
                .setPauseOnFailure(policy.pauseOnFailure);
    }

    /** The overlap policy; never {@code null}. */
    public ScheduleOverlapPolicy getOverlap() {
        return overlap;
    }

    /** How late a fire time may be acted on; never {@code null}. */
    public Duration getCatchupWindow() {
        return catchupWindow;
    }

    /** Whether a failed run pauses the schedule. */
    public boolean isPauseOnFailure() {
        return pauseOnFailure;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchedulePolicy that && overlap == that.overlap
                && catchupWindow.equals(that.catchupWindow) && pauseOnFailure == that.pauseOnFailure;
    }

    @Override
    public int hashCode() {
        return Objects.hash(overlap, catchupWindow, pauseOnFailure);
    }

    @Override
    public String toString() {
        return "SchedulePolicy{overlap=" + overlap + ", catchupWindow=" + catchupWindow + ", pauseOnFailure="
                + pauseOnFailure + "}";
    }

    /** Builds a {@link SchedulePolicy}. */
    public static final class Builder {
        private ScheduleOverlapPolicy overlap = ScheduleOverlapPolicy.SKIP;
        private Duration catchupWindow = DEFAULT_CATCHUP_WINDOW;
        private boolean pauseOnFailure;

        private Builder() {
        }

        /** Sets the overlap policy; {@code null} for {@link ScheduleOverlapPolicy#SKIP}. */
        public Builder setOverlap(ScheduleOverlapPolicy overlap) {
            this.overlap = overlap == null ? ScheduleOverlapPolicy.SKIP : overlap;
            return this;
        }

        /**
         * Sets how late a fire time may be acted on: a fire time found due later than this after it (the workers
         * were down, the schedule's workflow waited) is counted as missed and not run. {@code null} for one minute.
         *
         * @throws IllegalArgumentException if the window is shorter than one second
         */
        public Builder setCatchupWindow(Duration catchupWindow) {
            Duration window = catchupWindow == null ? DEFAULT_CATCHUP_WINDOW : catchupWindow;
            if (window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("SchedulePolicy: the catch-up window must be at least one second,"
                        + " was " + catchupWindow);
            }
            this.catchupWindow = window;
            return this;
        }

        /** Sets whether a run that fails (or times out) pauses the schedule, noting which run; off by default. */
        public Builder setPauseOnFailure(boolean pauseOnFailure) {
            this.pauseOnFailure = pauseOnFailure;
            return this;
        }

        /** Builds the policy. */
        public SchedulePolicy build() {
            return new SchedulePolicy(this);
        }
    }
}
