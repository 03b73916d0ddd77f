package dev.hourglass.internal.statemachines;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import org.apiguardian.api.API;

/**
 * One child workflow: initiated, started, then completed or failed (or failed to start). A parent whose
 * cancellation scope is canceled stops waiting for the child ({@code ABANDONED}): the child's later events are
 * taken and ignored, and the service asks the child to cancel when the parent closes.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChildWorkflowStateMachine extends StateMachine<ChildWorkflowStateMachine,
        ChildWorkflowStateMachine.State, ChildWorkflowStateMachine.Event> {

    /** States of a child workflow. */
    public enum State { CREATED, INITIATED, STARTED, COMPLETED, FAILED, ABANDONED }

    /** Events that move a child workflow. */
    public enum Event { INITIATE, STARTED, COMPLETED, FAILED, SCOPE_CANCELED }

    /** What the waiting parent code is told. */
    public interface Callbacks {
        /** The child started. */
        void started(WorkflowExecution execution);

        /** The child completed with {@code result}. */
        void completed(Payload result);

        /** The child failed, or the parent stopped waiting for it; {@code beforeStart}: it never started. */
        void failed(ChildWorkflowFailure failure, boolean beforeStart);
    }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<ChildWorkflowStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<ChildWorkflowStateMachine, State, Event>of("ChildWorkflowStateMachine",
                            State.class, Event.class)
                    .add(State.CREATED, Event.INITIATE, State.INITIATED, (m, input) -> m.sink.add(m.initiated))
                    // its scope was canceled before: no command, the parent gets the cancellation at once
                    .add(State.CREATED, Event.SCOPE_CANCELED, State.ABANDONED, (m, input) -> m.abandoned(true))
                    .add(State.INITIATED, Event.STARTED, State.STARTED, ChildWorkflowStateMachine::started)
                    .add(State.INITIATED, Event.FAILED, State.FAILED, (m, input) -> m.failed(input, true))
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED, ChildWorkflowStateMachine::completed)
                    .add(State.STARTED, Event.FAILED, State.FAILED, (m, input) -> m.failed(input, false))
                    .add(State.INITIATED, Event.SCOPE_CANCELED, State.ABANDONED, (m, input) -> m.abandoned(true))
                    .add(State.STARTED, Event.SCOPE_CANCELED, State.ABANDONED, (m, input) -> m.abandoned(false))
                    .add(State.ABANDONED, Event.STARTED, State.ABANDONED, ChildWorkflowStateMachine::recordRunId)
                    .add(State.ABANDONED, Event.COMPLETED, State.ABANDONED)
                    .add(State.ABANDONED, Event.FAILED, State.ABANDONED);

    private final StartChildWorkflowExecutionInitiatedAttributes initiated;
    private final CommandSink sink;
    private final Callbacks callbacks;
    private String runId;

    /**
     * Creates the machine of a child about to be started.
     *
     * @param initiated the start command
     * @param sink takes the machine's commands
     * @param callbacks what the parent code is told
     */
    public ChildWorkflowStateMachine(StartChildWorkflowExecutionInitiatedAttributes initiated, CommandSink sink,
            Callbacks callbacks) {
        super(DEFINITION, State.CREATED);
        this.initiated = initiated;
        this.sink = sink;
        this.callbacks = callbacks;
    }

    /** Asks for the child to be started: records (or matches) the command. */
    public void initiate() {
        fire(Event.INITIATE, null);
    }

    /** The parent's scope was canceled: the parent stops waiting for the child. */
    public void scopeCanceled() {
        fire(Event.SCOPE_CANCELED, null);
    }

    public void handle(ChildWorkflowExecutionStartedAttributes started) {
        fire(Event.STARTED, started);
    }

    public void handle(ChildWorkflowExecutionCompletedAttributes completed) {
        fire(Event.COMPLETED, completed);
    }

    public void handle(ChildWorkflowExecutionFailedAttributes failed) {
        fire(Event.FAILED, failed);
    }

    private void started(Object input) {
        recordRunId(input);
        callbacks.started(new WorkflowExecution(initiated.workflowId(), runId));
    }

    private void recordRunId(Object input) {
        runId = ((ChildWorkflowExecutionStartedAttributes) input).runId();
    }

    private void completed(Object input) {
        callbacks.completed(((ChildWorkflowExecutionCompletedAttributes) input).result());
    }

    private void failed(Object input, boolean beforeStart) {
        Payload failure = ((ChildWorkflowExecutionFailedAttributes) input).failure();
        callbacks.failed(failure(FailureConverter.fromJson(JsonPayload.node(failure))), beforeStart);
    }

    private void abandoned(boolean beforeStart) {
        callbacks.failed(failure(new CanceledFailure("the parent's cancellation scope was canceled: it no longer"
                + " waits for the child, which is asked to cancel when the parent closes")), beforeStart);
    }

    private ChildWorkflowFailure failure(Throwable cause) {
        return new ChildWorkflowFailure(initiated.workflowType(), initiated.workflowId(), runId, cause);
    }
}
