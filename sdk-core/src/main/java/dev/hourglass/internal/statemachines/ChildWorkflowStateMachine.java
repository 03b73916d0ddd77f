package dev.hourglass.internal.statemachines;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import org.apiguardian.api.API;

/**
 * One child workflow as its parent sees it: initiated, started, then completed, failed or canceled (or failed to
 * start); or canceled by the parent's scope. How a scope's cancellation is taken depends on the child's
 * {@link ChildWorkflowCancellationType}, each with an event of its own: {@code ABANDON} fails the parent's code at
 * once and asks the child nothing; {@code CANCEL} requests cancellation and fails the code at once
 * ({@code TRY_CANCEL}); {@code CANCEL_AND_WAIT_REQUESTED} requests it and fails the code once the request reached
 * the child ({@code WAIT_CANCELLATION_REQUESTED}); {@code CANCEL_AND_WAIT_COMPLETED} requests it and waits for the
 * child's end, whichever it is ({@code WAIT_CANCELLATION_COMPLETED}). A scope canceled before the child is
 * initiated records nothing, whatever the type.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChildWorkflowStateMachine extends StateMachine<ChildWorkflowStateMachine,
        ChildWorkflowStateMachine.State, ChildWorkflowStateMachine.Event> {

    /** States of a child workflow. */
    public enum State {
        CREATED, INITIATED, STARTED, COMPLETED, FAILED,
        /** The child ended canceled, or its scope was canceled before it was initiated. */
        CANCELED,
        /** The code stopped waiting without a cancel request; the child's later events are ignored. */
        ABANDONED,
        /** Cancellation was requested and the code stopped waiting; the child's later events are ignored. */
        CANCEL_REQUESTED,
        /** Cancellation was requested and the code waits until the request reached the child. */
        CANCEL_DELIVERY_AWAITED,
        /** Cancellation was requested and the code waits until the child closes. */
        CANCEL_COMPLETION_AWAITED
    }

    /** Events that move a child workflow. */
    public enum Event {
        INITIATE, STARTED, COMPLETED, FAILED, CANCELED, CANCEL_DELIVERED,
        ABANDON, CANCEL, CANCEL_AND_WAIT_REQUESTED, CANCEL_AND_WAIT_COMPLETED
    }

    /** What the waiting parent code is told. */
    public interface Callbacks {
        /** The child started. */
        void started(WorkflowExecution execution);

        /** The child never started: it failed to start, or its scope was canceled first. */
        void notStarted(ChildWorkflowFailure failure);

        /** The child completed with {@code result}. */
        void completed(Payload result);

        /**
         * The child failed or was canceled ({@link ChildWorkflowFailure}), or the parent stopped waiting for it
         * ({@link CanceledFailure}).
         */
        void failed(RuntimeException failure);
    }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<ChildWorkflowStateMachine, State, Event> DEFINITION =
            StateMachineDefinition.<ChildWorkflowStateMachine, State, Event>of("ChildWorkflowStateMachine",
                            State.class, Event.class)
                    .add(State.CREATED, Event.INITIATE, State.INITIATED, (m, input) -> m.sink.add(m.initiated))
                    // its scope was canceled before: no command, the parent gets the cancellation at once
                    .add(State.CREATED, Event.ABANDON, State.CANCELED, (m, input) -> m.canceledBeforeInitiated())
                    .add(State.CREATED, Event.CANCEL, State.CANCELED, (m, input) -> m.canceledBeforeInitiated())
                    .add(State.CREATED, Event.CANCEL_AND_WAIT_REQUESTED, State.CANCELED,
                            (m, input) -> m.canceledBeforeInitiated())
                    .add(State.CREATED, Event.CANCEL_AND_WAIT_COMPLETED, State.CANCELED,
                            (m, input) -> m.canceledBeforeInitiated())
                    .add(State.INITIATED, Event.STARTED, State.STARTED, ChildWorkflowStateMachine::started)
                    .add(State.INITIATED, Event.FAILED, State.FAILED, ChildWorkflowStateMachine::failed)
                    // initiated, not started yet: the request follows the start, and reaches the child once started
                    .add(State.INITIATED, Event.ABANDON, State.ABANDONED, (m, input) -> m.abandon())
                    .add(State.INITIATED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel(true))
                    .add(State.INITIATED, Event.CANCEL_AND_WAIT_REQUESTED, State.CANCEL_DELIVERY_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    .add(State.INITIATED, Event.CANCEL_AND_WAIT_COMPLETED, State.CANCEL_COMPLETION_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED, ChildWorkflowStateMachine::completed)
                    .add(State.STARTED, Event.FAILED, State.FAILED, ChildWorkflowStateMachine::failed)
                    .add(State.STARTED, Event.CANCELED, State.CANCELED, ChildWorkflowStateMachine::canceled)
                    .add(State.STARTED, Event.ABANDON, State.ABANDONED, (m, input) -> m.abandon())
                    .add(State.STARTED, Event.CANCEL, State.CANCEL_REQUESTED, (m, input) -> m.requestCancel(true))
                    .add(State.STARTED, Event.CANCEL_AND_WAIT_REQUESTED, State.CANCEL_DELIVERY_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    .add(State.STARTED, Event.CANCEL_AND_WAIT_COMPLETED, State.CANCEL_COMPLETION_AWAITED,
                            (m, input) -> m.requestCancel(false))
                    // abandoned: the child runs on, and whatever it does is ignored
                    .add(State.ABANDONED, Event.STARTED, State.ABANDONED, ChildWorkflowStateMachine::recordRunId)
                    .add(State.ABANDONED, Event.COMPLETED, State.ABANDONED)
                    .add(State.ABANDONED, Event.FAILED, State.ABANDONED)
                    .add(State.ABANDONED, Event.CANCELED, State.ABANDONED)
                    // requested, not waited for: only the start (or a failed start) still reaches the code
                    .add(State.CANCEL_REQUESTED, Event.STARTED, State.CANCEL_REQUESTED,
                            ChildWorkflowStateMachine::started)
                    .add(State.CANCEL_REQUESTED, Event.CANCEL_DELIVERED, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.COMPLETED, State.CANCEL_REQUESTED)
                    .add(State.CANCEL_REQUESTED, Event.FAILED, State.CANCEL_REQUESTED,
                            ChildWorkflowStateMachine::failedAfterRequest)
                    .add(State.CANCEL_REQUESTED, Event.CANCELED, State.CANCEL_REQUESTED)
                    // waiting for the request to reach the child, or for the child's end if that comes first
                    .add(State.CANCEL_DELIVERY_AWAITED, Event.CANCEL_DELIVERED, State.CANCEL_REQUESTED,
                            (m, input) -> m.cancelDelivered())
                    .add(State.CANCEL_DELIVERY_AWAITED, Event.STARTED, State.CANCEL_DELIVERY_AWAITED,
                            ChildWorkflowStateMachine::started)
                    .add(State.CANCEL_DELIVERY_AWAITED, Event.COMPLETED, State.COMPLETED,
                            ChildWorkflowStateMachine::completed)
                    .add(State.CANCEL_DELIVERY_AWAITED, Event.FAILED, State.FAILED, ChildWorkflowStateMachine::failed)
                    .add(State.CANCEL_DELIVERY_AWAITED, Event.CANCELED, State.CANCELED,
                            ChildWorkflowStateMachine::canceled)
                    // waiting for the child's end, whichever it is
                    .add(State.CANCEL_COMPLETION_AWAITED, Event.STARTED, State.CANCEL_COMPLETION_AWAITED,
                            ChildWorkflowStateMachine::started)
                    .add(State.CANCEL_COMPLETION_AWAITED, Event.CANCEL_DELIVERED, State.CANCEL_COMPLETION_AWAITED)
                    .add(State.CANCEL_COMPLETION_AWAITED, Event.COMPLETED, State.COMPLETED,
                            ChildWorkflowStateMachine::completed)
                    .add(State.CANCEL_COMPLETION_AWAITED, Event.FAILED, State.FAILED,
                            ChildWorkflowStateMachine::failed)
                    .add(State.CANCEL_COMPLETION_AWAITED, Event.CANCELED, State.CANCELED,
                            ChildWorkflowStateMachine::canceled);

    private final StartChildWorkflowExecutionInitiatedAttributes initiated;
    private final ChildWorkflowCancellationType cancellationType;
    private final CommandSink sink;
    private final Callbacks callbacks;
    private String runId;
    private boolean started;

    /**
     * Creates the machine of a child about to be started, whose scope's cancellation is taken as
     * {@code cancellationType} says.
     *
     * @param initiated the start command
     * @param cancellationType what canceling the child's scope does
     * @param sink takes the machine's commands
     * @param callbacks what the parent code is told
     */
    public ChildWorkflowStateMachine(StartChildWorkflowExecutionInitiatedAttributes initiated,
            ChildWorkflowCancellationType cancellationType, CommandSink sink, Callbacks callbacks) {
        super(DEFINITION, State.CREATED);
        this.initiated = initiated;
        this.cancellationType = cancellationType;
        this.sink = sink;
        this.callbacks = callbacks;
    }

    /** Asks for the child to be started: records (or matches) the command. */
    public void initiate() {
        fire(Event.INITIATE, null);
    }

    /** The parent's scope was canceled: takes the cancellation as the child's cancellation type says. */
    public void cancel() {
        switch (cancellationType) {
            case ABANDON:
                fire(Event.ABANDON, null);
                break;
            case TRY_CANCEL:
                fire(Event.CANCEL, null);
                break;
            case WAIT_CANCELLATION_REQUESTED:
                fire(Event.CANCEL_AND_WAIT_REQUESTED, null);
                break;
            default:
                fire(Event.CANCEL_AND_WAIT_COMPLETED, null);
                break;
        }
    }

    public void handle(ChildWorkflowExecutionStartedAttributes startedEvent) {
        fire(Event.STARTED, startedEvent);
    }

    public void handle(ChildWorkflowExecutionCompletedAttributes completed) {
        fire(Event.COMPLETED, completed);
    }

    public void handle(ChildWorkflowExecutionFailedAttributes failed) {
        fire(Event.FAILED, failed);
    }

    public void handle(ChildWorkflowExecutionCanceledAttributes canceled) {
        fire(Event.CANCELED, canceled);
    }

    public void handle(ChildWorkflowExecutionCancelRequestedAttributes delivered) {
        fire(Event.CANCEL_DELIVERED, delivered);
    }

    private void started(Object input) {
        recordRunId(input);
        started = true;
        callbacks.started(new WorkflowExecution(initiated.workflowId(), runId));
    }

    private void recordRunId(Object input) {
        runId = ((ChildWorkflowExecutionStartedAttributes) input).runId();
    }

    private void completed(Object input) {
        callbacks.completed(((ChildWorkflowExecutionCompletedAttributes) input).result());
    }

    private void failed(Object input) {
        ChildWorkflowFailure failure = failureOf((ChildWorkflowExecutionFailedAttributes) input);
        if (!started) {
            callbacks.notStarted(failure);
        }
        callbacks.failed(failure);
    }

    /** A child whose cancellation the code no longer waits for failed: only a failed start is still news. */
    private void failedAfterRequest(Object input) {
        if (!started) {
            callbacks.notStarted(failureOf((ChildWorkflowExecutionFailedAttributes) input));
        }
    }

    private void canceled(Object input) {
        callbacks.failed(failure(new CanceledFailure("child workflow canceled")));
    }

    private void requestCancel(boolean failAtOnce) {
        sink.add(new RequestCancelChildWorkflowExecutionInitiatedAttributes(initiated.childId(), cancellationType));
        if (failAtOnce) {
            callbacks.failed(new CanceledFailure("child workflow " + initiated.workflowId() + " canceled: its"
                    + " cancellation was requested and its cancellation type is TRY_CANCEL, so the parent does not"
                    + " wait for it"));
        }
    }

    private void cancelDelivered() {
        callbacks.failed(new CanceledFailure("child workflow " + initiated.workflowId() + " canceled: it received"
                + " the cancel request"));
    }

    private void abandon() {
        if (!started) {
            callbacks.notStarted(failure(new CanceledFailure("the child's cancellation scope was canceled before"
                    + " it started")));
        }
        callbacks.failed(new CanceledFailure("child workflow " + initiated.workflowId() + " abandoned: its"
                + " cancellation scope was canceled and its cancellation type is ABANDON, so it was not asked to"
                + " cancel"));
    }

    private void canceledBeforeInitiated() {
        ChildWorkflowFailure failure = failure(new CanceledFailure("the child's cancellation scope was already"
                + " canceled: it was not started"));
        callbacks.notStarted(failure);
        callbacks.failed(failure);
    }

    private ChildWorkflowFailure failureOf(ChildWorkflowExecutionFailedAttributes failed) {
        return failure(FailureConverter.fromJson(JsonPayload.node(failed.failure())));
    }

    private ChildWorkflowFailure failure(Throwable cause) {
        return new ChildWorkflowFailure(initiated.workflowType(), initiated.workflowId(), runId, cause);
    }
}
