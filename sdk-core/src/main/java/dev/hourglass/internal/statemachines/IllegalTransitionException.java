package dev.hourglass.internal.statemachines;

/**
 * A state machine was asked to take a transition its table does not declare. The engine never asks for one
 * on its own: replay turns one caused by a history's events into the {@code NonDeterministicException} that
 * names the event.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String machine;
    private final String state;
    private final String event;

    IllegalTransitionException(String machine, Object state, Object event, String declared) {
        super(machine + ": no transition from " + state + " on " + event + "; declared: " + declared);
        this.machine = machine;
        this.state = String.valueOf(state);
        this.event = String.valueOf(event);
    }

    /** The machine's name, such as {@code ActivityStateMachine}. */
    public String machine() {
        return machine;
    }

    /** The state the machine was in. */
    public String state() {
        return state;
    }

    /** The event it had no transition on. */
    public String event() {
        return event;
    }
}
