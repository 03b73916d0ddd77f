package dev.hourglass.internal.service;

import dev.hourglass.internal.statemachines.StateMachineDefinition;
import java.util.EnumSet;

/**
 * The attempts of one scheduled activity, as the service sees them: waiting (before an attempt, or in the
 * backoff between two), queued for a worker, running, then waiting again for a retry or closed with the
 * activity. A queued or running attempt is work in progress, which keeps a virtual clock from moving
 * ({@link #holdsClock()}); a running attempt the test environment has let go of as hung ({@code RELEASED}) is
 * not, so that virtual time can reach its heartbeat timeout; nor is a queued attempt with a schedule-to-start
 * timeout that the test environment found on a task queue none of its workers polls ({@code UNPOLLED}), so that
 * virtual time can reach that timeout.
 *
 * <p>Transitions are taken only through {@link InMemoryWorkflowService#transition}, which keeps the count of
 * work in progress.
 */
public final class ActivityAttemptLifecycle extends ClockHoldingLifecycle<ActivityAttemptLifecycle, ActivityAttemptLifecycle.State,
        ActivityAttemptLifecycle.Event> {

    /** States of an activity's current attempt. */
    public enum State { WAITING, QUEUED, UNPOLLED, RUNNING, RELEASED, CLOSED }

    /** What happens to it. */
    public enum Event {
        /** An attempt is queued for a worker. */
        ENQUEUE,
        /** A worker polled it. */
        START,
        /**
         * The running attempt stopped showing progress, or the queued one waits on a task queue nobody polls for
         * its schedule-to-start timeout: it no longer holds the clock.
         */
        RELEASE,
        /** The attempt holds the clock (again). */
        HOLD,
        /** The attempt failed or timed out, and the activity will be tried again after a backoff. */
        RETRY,
        /** The activity closed: completed, failed for good, timed out, canceled, or its run closed. */
        CLOSE
    }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<ActivityAttemptLifecycle, State, Event> DEFINITION =
            StateMachineDefinition.<ActivityAttemptLifecycle, State, Event>of("ActivityAttemptLifecycle",
                            State.class, Event.class)
                    .add(State.WAITING, Event.ENQUEUE, State.QUEUED)
                    .add(State.QUEUED, Event.START, State.RUNNING)
                    .add(State.QUEUED, Event.RELEASE, State.UNPOLLED)
                    .add(State.UNPOLLED, Event.START, State.RUNNING)
                    .add(State.RUNNING, Event.RELEASE, State.RELEASED)
                    .add(State.RUNNING, Event.HOLD, State.RUNNING)
                    .add(State.RELEASED, Event.HOLD, State.RUNNING)
                    .add(State.RELEASED, Event.RELEASE, State.RELEASED)
                    .add(State.RUNNING, Event.RETRY, State.WAITING)
                    .add(State.RELEASED, Event.RETRY, State.WAITING)
                    .add(State.WAITING, Event.CLOSE, State.CLOSED)
                    .add(State.QUEUED, Event.CLOSE, State.CLOSED)
                    .add(State.UNPOLLED, Event.CLOSE, State.CLOSED)
                    .add(State.RUNNING, Event.CLOSE, State.CLOSED)
                    .add(State.RELEASED, Event.CLOSE, State.CLOSED);

    ActivityAttemptLifecycle() {
        super(DEFINITION, State.WAITING, EnumSet.of(State.QUEUED, State.RUNNING));
    }

    /** Whether an attempt is queued for a worker (held or let go of). */
    boolean isQueued() {
        return state() == State.QUEUED || state() == State.UNPOLLED;
    }

    /** Whether an attempt is running (held or let go of). */
    boolean isRunning() {
        return state() == State.RUNNING || state() == State.RELEASED;
    }
}
