package dev.hourglass.internal.statemachines;

import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One delivered signal: handed to its handler, which runs until it returns or throws; dropped when it arrives
 * before the workflow object exists (a signal with no handler yet is not delivered: it waits, outside any machine,
 * until {@code Workflow.registerListener} registers one); or skipped when its input cannot be decoded as the handler's parameters (the
 * same decision on every replay, so one bad signal cannot poison the execution). The executor keeps the signals whose handlers are still running, so that a
 * run that closes before they finish can say which.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SignalStateMachine
        extends StateMachine<SignalStateMachine, SignalStateMachine.State, SignalStateMachine.Event> {

    /** States of a signal. */
    public enum State { RECEIVED, HANDLING, HANDLED, FAILED, DROPPED, SKIPPED }

    /** Events that move a signal. */
    public enum Event { DISPATCH, RETURN, THROW, NO_HANDLER, UNDECODABLE }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<SignalStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<SignalStateMachine, State, Event>of("SignalStateMachine", State.class,
                            Event.class)
                    .add(State.RECEIVED, Event.DISPATCH, State.HANDLING, (m, input) -> m.handler.run())
                    .add(State.RECEIVED, Event.NO_HANDLER, State.DROPPED, (m, input) -> m.onDropped.run())
                    .add(State.RECEIVED, Event.UNDECODABLE, State.SKIPPED,
                            (m, input) -> m.onSkipped.accept((RuntimeException) input))
                    .add(State.HANDLING, Event.RETURN, State.HANDLED)
                    .add(State.HANDLING, Event.THROW, State.FAILED);

    private final String signalName;
    private final Runnable handler;
    private final Runnable onDropped;
    private final Consumer<RuntimeException> onSkipped;

    /**
     * Creates the machine of a delivered signal.
     *
     * @param signalName the signal's name
     * @param handler starts the handler (on a workflow thread of its own)
     * @param onDropped says that the signal is dropped
     * @param onSkipped says that the signal is skipped, given why its input cannot be decoded
     */
    public SignalStateMachine(String signalName, Runnable handler, Runnable onDropped,
            Consumer<RuntimeException> onSkipped) {
        super(DEFINITION, State.RECEIVED);
        this.signalName = signalName;
        this.handler = handler;
        this.onDropped = onDropped;
        this.onSkipped = onSkipped;
    }

    public String signalName() {
        return signalName;
    }

    /** Whether the handler is still running. */
    public boolean isHandling() {
        return state() == State.HANDLING;
    }

    /** Hands the signal to its handler. */
    public void dispatch() {
        fire(Event.DISPATCH, null);
    }

    /** The workflow has no handler for the signal. */
    public void drop() {
        fire(Event.NO_HANDLER, null);
    }

    /** The input cannot be decoded as the handler's parameters: the handler does not run. */
    public void skip(RuntimeException cause) {
        fire(Event.UNDECODABLE, cause);
    }

    /** The handler returned. */
    public void returned() {
        fire(Event.RETURN, null);
    }

    /** The handler threw. */
    public void threw() {
        fire(Event.THROW, null);
    }
}
