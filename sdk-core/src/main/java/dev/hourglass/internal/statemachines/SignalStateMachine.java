package dev.hourglass.internal.statemachines;

/** One delivered signal: received, handled by its handler, or dropped when no handler exists. */
public final class SignalStateMachine {

    /** States of a signal. */
    public enum State { RECEIVED, HANDLING, HANDLED, FAILED, DROPPED }

    /** Events that move a signal. */
    public enum Event { DISPATCH, RETURN, THROW, NO_HANDLER }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("SignalStateMachine", State.class, Event.class)
                    .add(State.RECEIVED, Event.DISPATCH, State.HANDLING)
                    .add(State.RECEIVED, Event.NO_HANDLER, State.DROPPED)
                    .add(State.HANDLING, Event.RETURN, State.HANDLED)
                    .add(State.HANDLING, Event.THROW, State.FAILED);

    private final String signalName;
    private State state = State.RECEIVED;

    public SignalStateMachine(String signalName) {
        this.signalName = signalName;
    }

    public String signalName() {
        return signalName;
    }

    public State state() {
        return state;
    }

    public void dispatch() {
        state = DEFINITION.next(state, Event.DISPATCH);
    }

    public void noHandler() {
        state = DEFINITION.next(state, Event.NO_HANDLER);
    }

    public void returned() {
        state = DEFINITION.next(state, Event.RETURN);
    }

    public void threw() {
        state = DEFINITION.next(state, Event.THROW);
    }
}
