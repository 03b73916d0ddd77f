package dev.hourglass.internal.statemachines;

import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.internal.replay.PromiseImpl;

/** One durable timer: started, then fired or canceled. */
public final class TimerStateMachine {

    /** States of a timer. */
    public enum State { STARTED, FIRED, CANCELED }

    /** Events that move a timer. */
    public enum Event { FIRE, CANCEL }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("TimerStateMachine", State.class, Event.class)
                    .add(State.STARTED, Event.FIRE, State.FIRED)
                    .add(State.STARTED, Event.CANCEL, State.CANCELED)
                    // the timer fired while the task that canceled it ran: the late firing is ignored
                    .add(State.CANCELED, Event.FIRE, State.CANCELED);

    private final PromiseImpl<Void> fired = new PromiseImpl<>();
    private State state = State.STARTED;

    public State state() {
        return state;
    }

    /** Completed when the timer fires; fails with {@link CanceledFailure} when it is canceled. */
    public PromiseImpl<Void> fired() {
        return fired;
    }

    public void onFired() {
        state = DEFINITION.next(state, Event.FIRE);
        if (state == State.FIRED) {
            fired.complete(null);
        }
    }

    /** Cancels a started timer; returns whether a cancel command must be recorded. */
    public boolean cancel() {
        if (!DEFINITION.accepts(state, Event.CANCEL)) {
            return false;
        }
        state = DEFINITION.next(state, Event.CANCEL);
        fired.completeExceptionally(new CanceledFailure("timer canceled"));
        return true;
    }
}
