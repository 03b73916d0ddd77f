package dev.hourglass.internal.statemachines;

/** The workflow run itself: running, cancel requested, then closed by one closing command. */
public final class CompletionStateMachine {

    /** States of a run. */
    public enum State { RUNNING, CANCEL_REQUESTED, COMPLETED, FAILED, CANCELED, CONTINUED_AS_NEW }

    /** Events that move a run. */
    public enum Event { REQUEST_CANCEL, COMPLETE, FAIL, CANCEL, CONTINUE_AS_NEW }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("CompletionStateMachine", State.class, Event.class)
                    .add(State.RUNNING, Event.REQUEST_CANCEL, State.CANCEL_REQUESTED)
                    .add(State.RUNNING, Event.COMPLETE, State.COMPLETED)
                    .add(State.RUNNING, Event.FAIL, State.FAILED)
                    .add(State.RUNNING, Event.CONTINUE_AS_NEW, State.CONTINUED_AS_NEW)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETE, State.COMPLETED)
                    .add(State.CANCEL_REQUESTED, Event.FAIL, State.FAILED)
                    .add(State.CANCEL_REQUESTED, Event.CANCEL, State.CANCELED)
                    .add(State.CANCEL_REQUESTED, Event.CONTINUE_AS_NEW, State.CONTINUED_AS_NEW);

    private State state = State.RUNNING;

    public State state() {
        return state;
    }

    public boolean isCancelRequested() {
        return state == State.CANCEL_REQUESTED;
    }

    public boolean isClosed() {
        return state != State.RUNNING && state != State.CANCEL_REQUESTED;
    }

    /** Moves the run; throws if the run is already closed. */
    public void handle(Event event) {
        state = DEFINITION.next(state, event);
    }
}
