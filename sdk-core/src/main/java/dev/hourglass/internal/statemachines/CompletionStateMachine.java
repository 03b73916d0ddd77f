package dev.hourglass.internal.statemachines;

import dev.hourglass.history.EventAttributes;
import org.apiguardian.api.API;

/**
 * The workflow run itself: running, cancel requested, then closed by one closing command (completed, failed,
 * canceled or continued as new), which the row records.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CompletionStateMachine
        extends StateMachine<CompletionStateMachine, CompletionStateMachine.State, CompletionStateMachine.Event> {

    /** States of a run. */
    public enum State { RUNNING, CANCEL_REQUESTED, COMPLETED, FAILED, CANCELED, CONTINUED_AS_NEW }

    /** Events that move a run. */
    public enum Event { REQUEST_CANCEL, COMPLETE, FAIL, CANCEL, CONTINUE_AS_NEW }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<CompletionStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<CompletionStateMachine, State, Event>of("CompletionStateMachine", State.class,
                            Event.class)
                    .add(State.RUNNING, Event.REQUEST_CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.onCancel.run())
                    .add(State.RUNNING, Event.COMPLETE, State.COMPLETED, CompletionStateMachine::close)
                    .add(State.RUNNING, Event.FAIL, State.FAILED, CompletionStateMachine::close)
                    .add(State.RUNNING, Event.CONTINUE_AS_NEW, State.CONTINUED_AS_NEW, CompletionStateMachine::close)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETE, State.COMPLETED, CompletionStateMachine::close)
                    .add(State.CANCEL_REQUESTED, Event.FAIL, State.FAILED, CompletionStateMachine::close)
                    .add(State.CANCEL_REQUESTED, Event.CANCEL, State.CANCELED, CompletionStateMachine::close)
                    .add(State.CANCEL_REQUESTED, Event.CONTINUE_AS_NEW, State.CONTINUED_AS_NEW,
                            CompletionStateMachine::close);

    private final CommandSink sink;
    private final Runnable onCancel;

    /**
     * Creates the machine of a running run.
     *
     * @param sink takes the closing command
     * @param onCancel runs when cancellation is requested (it cancels the run's root scope)
     */
    public CompletionStateMachine(CommandSink sink, Runnable onCancel) {
        super(DEFINITION, State.RUNNING);
        this.sink = sink;
        this.onCancel = onCancel;
    }

    public boolean isCancelRequested() {
        return state() == State.CANCEL_REQUESTED;
    }

    public boolean isClosed() {
        return state() != State.RUNNING && state() != State.CANCEL_REQUESTED;
    }

    /** A client asked for the run to be canceled. */
    public void requestCancel() {
        fire(Event.REQUEST_CANCEL, null);
    }

    /**
     * Closes the run with {@code command}, recorded (or matched) as the run's last command.
     *
     * @param event how the run closes
     * @param command the closing command's attributes
     */
    public void close(Event event, EventAttributes command) {
        fire(event, command);
    }

    private void close(Object command) {
        sink.add((EventAttributes) command);
    }
}
