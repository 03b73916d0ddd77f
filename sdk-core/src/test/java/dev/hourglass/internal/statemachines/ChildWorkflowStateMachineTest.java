package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine.State;
import org.junit.jupiter.api.Test;

class ChildWorkflowStateMachineTest {

    private static final String CHILD_ID = "1";
    private static final String TYPE = "Shipment";
    private static final String WORKFLOW_ID = "order-5/shipment";
    private static final String RUN_ID = "run-9";

    /** Takes every declared transition at least once; used by the tests below and the coverage report. */
    static void exerciseAllTransitions() {
        started();
        completed();
        failedToStart();
        failedAfterStart();
        abandonedBeforeStart().onFailed(Events.childFailed(CHILD_ID,
                Events.applicationFailure("workflow id taken", "WorkflowExecutionAlreadyStarted")));
        ChildWorkflowStateMachine late = abandonedBeforeStart();
        late.onStarted(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));
        late.onCompleted(Events.childCompleted(CHILD_ID, Events.text("shipped")));
        abandonedAfterStart().onFailed(Events.childFailed(CHILD_ID, Events.applicationFailure("no truck", "NoTruck")));
    }

    static ChildWorkflowStateMachine abandonedBeforeStart() {
        ChildWorkflowStateMachine machine = initiated();
        machine.abandon();
        return machine;
    }

    static ChildWorkflowStateMachine abandonedAfterStart() {
        ChildWorkflowStateMachine machine = started();
        machine.abandon();
        return machine;
    }

    static ChildWorkflowStateMachine initiated() {
        return new ChildWorkflowStateMachine(TYPE, WORKFLOW_ID);
    }

    static ChildWorkflowStateMachine started() {
        ChildWorkflowStateMachine machine = initiated();
        machine.onStarted(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));
        return machine;
    }

    static ChildWorkflowStateMachine completed() {
        ChildWorkflowStateMachine machine = started();
        machine.onCompleted(Events.childCompleted(CHILD_ID, Events.text("shipped")));
        return machine;
    }

    static ChildWorkflowStateMachine failedToStart() {
        ChildWorkflowStateMachine machine = initiated();
        machine.onFailed(Events.childFailed(CHILD_ID,
                Events.applicationFailure("workflow id taken", "WorkflowExecutionAlreadyStarted")));
        return machine;
    }

    static ChildWorkflowStateMachine failedAfterStart() {
        ChildWorkflowStateMachine machine = started();
        machine.onFailed(Events.childFailed(CHILD_ID, Events.applicationFailure("no truck", "NoTruck")));
        return machine;
    }

    @Test
    void initiatedChildHasNeitherStartedNorFinished() {
        ChildWorkflowStateMachine machine = initiated();

        assertThat(machine.state()).isEqualTo(State.INITIATED);
        assertThat(machine.execution().isCompleted()).isFalse();
        assertThat(machine.result().isCompleted()).isFalse();
    }

    @Test
    void startedChildCompletesTheExecutionPromise() {
        ChildWorkflowStateMachine machine = started();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(machine.execution().isCompleted()).isTrue();
        assertThat(machine.execution().get()).isEqualTo(new WorkflowExecution(WORKFLOW_ID, RUN_ID));
        assertThat(machine.result().isCompleted()).isFalse();
    }

    @Test
    void completedChildDeliversItsResult() {
        ChildWorkflowStateMachine machine = completed();

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(machine.result().getFailure()).isNull();
        assertThat(machine.result().get().asText()).isEqualTo("shipped");
    }

    @Test
    void childThatFailedToStartFailsBothPromisesWithChildWorkflowFailure() {
        ChildWorkflowStateMachine machine = failedToStart();

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(machine.execution().getFailure()).isInstanceOf(ChildWorkflowFailure.class);
        assertThat(machine.result().getFailure()).isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getWorkflowType()).isEqualTo(TYPE);
            assertThat(failure.getWorkflowId()).isEqualTo(WORKFLOW_ID);
            assertThat(failure.getRunId()).isNull();
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                    cause -> assertThat(cause.getType()).isEqualTo("WorkflowExecutionAlreadyStarted"));
        });
    }

    @Test
    void childFailingAfterItStartedFailsOnlyTheResult() {
        ChildWorkflowStateMachine machine = failedAfterStart();

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(machine.execution().getFailure()).isNull();
        assertThat(machine.result().getFailure()).isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                    cause -> assertThat(cause.getType()).isEqualTo("NoTruck"));
        });
    }

    @Test
    void completionBeforeStartIsAnUndeclaredTransition() {
        ChildWorkflowStateMachine machine = initiated();

        assertThatThrownBy(() -> machine.onCompleted(Events.childCompleted(CHILD_ID, Events.text("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from INITIATED on COMPLETED");
    }

    @Test
    void failureAfterCompletionIsAnUndeclaredTransition() {
        ChildWorkflowStateMachine machine = completed();

        assertThatThrownBy(() -> machine.onFailed(Events.childFailed(CHILD_ID, Events.applicationFailure("x", "X"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from COMPLETED on FAILED");
    }

    @Test
    void aChildAbandonedBeforeItStartedFailsBothPromisesWithACanceledCause() {
        ChildWorkflowStateMachine machine = abandonedBeforeStart();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(machine.execution().getFailure()).isInstanceOf(ChildWorkflowFailure.class);
        assertThat(machine.result().getFailure()).isInstanceOfSatisfying(ChildWorkflowFailure.class,
                failure -> assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class));
    }

    @Test
    void aChildAbandonedAfterItStartedFailsOnlyTheResult() {
        ChildWorkflowStateMachine machine = abandonedAfterStart();

        assertThat(machine.execution().getFailure()).isNull();
        assertThat(machine.result().getFailure()).isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    @Test
    void theEventsOfAnAbandonedChildAreTakenAndIgnored() {
        ChildWorkflowStateMachine machine = abandonedAfterStart();

        machine.onCompleted(Events.childCompleted(CHILD_ID, Events.text("shipped")));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(machine.result().getFailure()).isInstanceOf(ChildWorkflowFailure.class);
    }

    @Test
    void aChildThatClosedCannotBeAbandoned() {
        ChildWorkflowStateMachine machine = completed();

        assertThat(machine.abandon()).isFalse();
        assertThat(machine.state()).isEqualTo(State.COMPLETED);
    }
}
