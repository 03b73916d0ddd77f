package dev.hourglass.internal.service;

import dev.hourglass.internal.statemachines.StateMachineDefinition;
import java.util.EnumSet;

/**
 * The workflow task of one run, as the service sees it: idle, scheduled (queued for a worker), started (a
 * worker holds it), then idle again once it completes, fails or times out; closed with the run. A scheduled or
 * started task is work in progress, which keeps a virtual clock from moving ({@link #holdsClock()}).
 *
 * <p>Transitions are taken only through {@link InMemoryWorkflowService#transition}, which keeps the count of
 * work in progress.
 */
public final class WorkflowTaskLifecycle extends ClockHoldingLifecycle<WorkflowTaskLifecycle, WorkflowTaskLifecycle.State,
        WorkflowTaskLifecycle.Event> {

    /** States of a run's workflow task. */
    public enum State { IDLE, SCHEDULED, STARTED, CLOSED }

    /** What happens to it. */
    public enum Event {
        /** New events need the workflow code (or a failed task is retried). */
        SCHEDULE,
        /** A worker polled it. */
        START,
        /** The worker recorded its commands. */
        COMPLETE,
        /** The worker reported a failure, or would have closed the run over events it had not seen. */
        FAIL,
        /** The worker held it past the workflow task timeout. */
        TIME_OUT,
        /** The run closed. */
        CLOSE
    }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<WorkflowTaskLifecycle, State, Event> DEFINITION =
            StateMachineDefinition.<WorkflowTaskLifecycle, State, Event>of("WorkflowTaskLifecycle", State.class,
                            Event.class)
                    .add(State.IDLE, Event.SCHEDULE, State.SCHEDULED)
                    // one task at a time: new events wait for the scheduled or running one
                    .add(State.SCHEDULED, Event.SCHEDULE, State.SCHEDULED)
                    .add(State.STARTED, Event.SCHEDULE, State.STARTED)
                    .add(State.SCHEDULED, Event.START, State.STARTED)
                    .add(State.STARTED, Event.COMPLETE, State.IDLE)
                    .add(State.STARTED, Event.FAIL, State.IDLE)
                    .add(State.STARTED, Event.TIME_OUT, State.IDLE)
                    .add(State.IDLE, Event.CLOSE, State.CLOSED)
                    .add(State.SCHEDULED, Event.CLOSE, State.CLOSED)
                    .add(State.STARTED, Event.CLOSE, State.CLOSED)
                    // a retry of a failed task that comes after the run closed
                    .add(State.CLOSED, Event.SCHEDULE, State.CLOSED);

    WorkflowTaskLifecycle() {
        super(DEFINITION, State.IDLE, EnumSet.of(State.SCHEDULED, State.STARTED));
    }
}
