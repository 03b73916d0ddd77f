package dev.hourglass.internal.statemachines;

import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One durable timer: started, then fired or canceled; or canceled by its scope before it started. The rows
 * carry the start and cancel commands and what the waiting code is told.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class TimerStateMachine
        extends StateMachine<TimerStateMachine, TimerStateMachine.State, TimerStateMachine.Event> {

    /** States of a timer. */
    public enum State { CREATED, STARTED, FIRED, CANCELED }

    /** Events that move a timer. */
    public enum Event { START, FIRE, CANCEL }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<TimerStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<TimerStateMachine, State, Event>of("TimerStateMachine", State.class, Event.class)
                    .add(State.CREATED, Event.START, State.STARTED, (m, input) -> m.sink.add(m.started))
                    // its scope was canceled before: no command, the code gets the cancellation at once
                    .add(State.CREATED, Event.CANCEL, State.CANCELED,
                            (m, input) -> m.onCanceled.accept(new CanceledFailure("the timer's cancellation scope"
                                    + " was already canceled")))
                    .add(State.STARTED, Event.FIRE, State.FIRED, (m, input) -> m.onFired.run())
                    .add(State.STARTED, Event.CANCEL, State.CANCELED, (m, input) -> m.canceled())
                    // the timer fired while the task that canceled it ran: the late firing is ignored
                    .add(State.CANCELED, Event.FIRE, State.CANCELED)
                    // a timed Workflow.await whose condition came true as its timer fired, or as its scope was
                    // canceled: nothing (more) to cancel
                    .add(State.FIRED, Event.CANCEL, State.FIRED)
                    .add(State.CANCELED, Event.CANCEL, State.CANCELED);

    private final TimerStartedAttributes started;
    private final CommandSink sink;
    private final Runnable onFired;
    private final Consumer<CanceledFailure> onCanceled;

    /**
     * Creates the machine of a timer about to start.
     *
     * @param started the start command
     * @param sink takes the machine's commands
     * @param onFired runs when the timer fires
     * @param onCanceled receives the cancellation when the timer is canceled
     */
    public TimerStateMachine(TimerStartedAttributes started, CommandSink sink, Runnable onFired,
            Consumer<CanceledFailure> onCanceled) {
        super(DEFINITION, State.CREATED);
        this.started = started;
        this.sink = sink;
        this.onFired = onFired;
        this.onCanceled = onCanceled;
    }

    /** Starts the timer: records (or matches) its command. */
    public void start() {
        fire(Event.START, null);
    }

    /** Handles the fired event. */
    public void fired() {
        fire(Event.FIRE, null);
    }

    /** Cancels the timer: records its cancellation if it is running. */
    public void cancel() {
        fire(Event.CANCEL, null);
    }

    private void canceled() {
        sink.add(new TimerCanceledAttributes(started.timerId()));
        onCanceled.accept(new CanceledFailure("timer canceled"));
    }
}
