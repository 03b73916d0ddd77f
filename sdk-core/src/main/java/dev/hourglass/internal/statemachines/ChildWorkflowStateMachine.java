package dev.hourglass.internal.statemachines;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.client.WorkflowExecution;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.common.FailureConverter;
import dev.hourglass.internal.replay.PromiseImpl;

/** One child workflow: initiated, started, then completed or failed (or failed to start). */
public final class ChildWorkflowStateMachine {

    /** States of a child workflow. */
    public enum State { INITIATED, STARTED, COMPLETED, FAILED }

    /** Events that move a child workflow. */
    public enum Event { STARTED, START_FAILED, COMPLETED, FAILED }

    /** The transitions, in one place. */
    public static final StateMachineDefinition<State, Event> DEFINITION =
            StateMachineDefinition.of("ChildWorkflowStateMachine", State.class, Event.class)
                    .add(State.INITIATED, Event.STARTED, State.STARTED)
                    .add(State.INITIATED, Event.START_FAILED, State.FAILED)
                    .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
                    .add(State.STARTED, Event.FAILED, State.FAILED);

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
        state = DEFINITION.next(state, Event.STARTED);
        runId = event.getStringAttribute("runId");
        execution.complete(new WorkflowExecution(workflowId, runId));
    }

    public void onCompleted(HistoryEvent event) {
        state = DEFINITION.next(state, Event.COMPLETED);
        result.complete(event.getAttribute("result"));
    }

    public void onFailed(HistoryEvent event) {
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
