package dev.hourglass.internal.statemachines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.replay.PromiseImpl;

/**
 * One child workflow: initiated, started, then completed or failed (or failed to start). A parent whose
 * cancellation scope is canceled stops waiting for the child ({@code ABANDONED}): the child's later events are
 * taken and ignored, and the service asks the child to cancel when the parent closes.
 */
public final class ChildWorkflowStateMachine {

    /** States of a child workflow. */
    public enum State { INITIATED, STARTED, COMPLETED, FAILED, ABANDONED }

    /** Events that move a child workflow. */
    public enum Event { STARTED, START_FAILED, COMPLETED, FAILED, SCOPE_CANCELED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("ChildWorkflowStateMachine", State.class, Event.class)
                    .add(State.INITIATED, Event.STARTED, State.STARTED)
                    .add(State.INITIATED, Event.START_FAILED, State.FAILED)
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.STARTED, Event.FAILED, State.FAILED)
                    .add(State.INITIATED, Event.SCOPE_CANCELED, State.ABANDONED)
                    .add(State.STARTED, Event.SCOPE_CANCELED, State.ABANDONED)
                    .add(State.ABANDONED, Event.STARTED, State.ABANDONED)
                    .add(State.ABANDONED, Event.COMPLETED, State.ABANDONED)
                    .add(State.ABANDONED, Event.FAILED, State.ABANDONED);

    private final String workflowType;
    private final String workflowId;
    private final PromiseImpl<WorkflowExecution> execution = new PromiseImpl<>();
    private final PromiseImpl<JsonNode> result = new PromiseImpl<>();
    private State state = State.INITIATED;
    private String runId;

    public ChildWorkflowStateMachine(String workflowType, String workflowId) {
        this.workflowType = workflowType;
        this.workflowId = workflowId;
    }

    public State state() {
        return state;
    }

    /** Completed once the child has started. */
    public PromiseImpl<WorkflowExecution> execution() {
        return execution;
    }

    /** The promise of the child's JSON result. */
    public PromiseImpl<JsonNode> result() {
        return result;
    }

    public void onStarted(HistoryEvent event) {
        boolean abandoned = state == State.ABANDONED;
        state = DEFINITION.next(state, Event.STARTED);
        runId = event.getStringAttribute("runId");
        if (!abandoned) {
            execution.complete(new WorkflowExecution(workflowId, runId));
        }
    }

    public void onCompleted(HistoryEvent event) {
        boolean abandoned = state == State.ABANDONED;
        state = DEFINITION.next(state, Event.COMPLETED);
        if (!abandoned) {
            result.complete(event.getAttribute("result"));
        }
    }

    /**
     * The parent's scope was canceled: the parent stops waiting, and both promises not yet complete fail with a
     * {@link ChildWorkflowFailure} caused by a {@link CanceledFailure}. Returns whether the child was still
     * awaited.
     */
    public boolean abandon() {
        if (state != State.INITIATED && state != State.STARTED) {
            return false;
        }
        boolean beforeStart = state == State.INITIATED;
        state = DEFINITION.next(state, Event.SCOPE_CANCELED);
        ChildWorkflowFailure failure = new ChildWorkflowFailure(workflowType, workflowId, runId,
                new CanceledFailure("the parent's cancellation scope was canceled: it no longer waits for the child,"
                        + " which is asked to cancel when the parent closes"));
        if (beforeStart) {
            execution.completeExceptionally(failure);
        }
        result.completeExceptionally(failure);
        return true;
    }

    public void onFailed(HistoryEvent event) {
        if (state == State.ABANDONED) {
            state = DEFINITION.next(state, Event.FAILED);
            return;
        }
        boolean beforeStart = state == State.INITIATED;
        state = DEFINITION.next(state, beforeStart ? Event.START_FAILED : Event.FAILED);
        ChildWorkflowFailure failure = new ChildWorkflowFailure(workflowType, workflowId, runId,
                FailureConverter.fromJson(event.getAttribute("failure")));
        if (beforeStart) {
            execution.completeExceptionally(failure);
        }
        result.completeExceptionally(failure);
    }
}
