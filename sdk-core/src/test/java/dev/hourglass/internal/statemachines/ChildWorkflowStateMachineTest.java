package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine.Event;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine.State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildWorkflowStateMachineTest {

    private static final String CHILD_ID = "1";
    private static final String TYPE = "Shipment";
    private static final String WORKFLOW_ID = "order-5/shipment";
    private static final String RUN_ID = "run-9";
    private static final StartChildWorkflowExecutionInitiatedAttributes INITIATED =
            Events.childInitiated(CHILD_ID, TYPE, WORKFLOW_ID);

    /** What the parent code was told, in order. */
    private static final class RecordingCallbacks implements ChildWorkflowStateMachine.Callbacks {
        final List<WorkflowExecution> started = new ArrayList<>();
        final List<Payload> completed = new ArrayList<>();
        final List<ChildWorkflowFailure> failed = new ArrayList<>();
        final List<Boolean> failedBeforeStart = new ArrayList<>();

        @Override
        public void started(WorkflowExecution execution) {
            started.add(execution);
        }

        @Override
        public void completed(Payload result) {
            completed.add(result);
        }

        @Override
        public void failed(ChildWorkflowFailure failure, boolean beforeStart) {
            failed.add(failure);
            failedBeforeStart.add(beforeStart);
        }
    }

    private final RecordingCommandSink sink = RecordingCommandSink.live();
    private final RecordingCallbacks parent = new RecordingCallbacks();

    private ChildWorkflowStateMachine created() {
        return new ChildWorkflowStateMachine(INITIATED, sink, parent);
    }

    private ChildWorkflowStateMachine initiated() {
        ChildWorkflowStateMachine machine = created();
        machine.initiate();
        return machine;
    }

    private ChildWorkflowStateMachine started() {
        ChildWorkflowStateMachine machine = initiated();
        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));
        return machine;
    }

    private ChildWorkflowStateMachine abandoned() {
        ChildWorkflowStateMachine machine = initiated();
        machine.scopeCanceled();
        return machine;
    }

    // --- CREATED ---------------------------------------------------------------------------------------

    @Test
    void initiatingRecordsTheStartCommandAndTellsTheParentNothingYet() {
        ChildWorkflowStateMachine machine = initiated();

        assertThat(machine.state()).isEqualTo(State.INITIATED);
        assertThat(sink.commands()).containsExactly(INITIATED);
        assertThat(parent.started).isEmpty();
        assertThat(parent.failed).isEmpty();
    }

    @Test
    void scopeCanceledBeforeInitiatingRecordsNoCommandAndFailsTheParentAsNeverStarted() {
        ChildWorkflowStateMachine machine = created();

        machine.scopeCanceled();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(sink.commands()).isEmpty();
        assertThat(parent.failedBeforeStart).containsExactly(true);
        assertThat(parent.failed).singleElement().satisfies(failure -> {
            assertThat(failure.getWorkflowType()).isEqualTo(TYPE);
            assertThat(failure.getWorkflowId()).isEqualTo(WORKFLOW_ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    // --- INITIATED -------------------------------------------------------------------------------------

    @Test
    void startedChildTellsTheParentItsExecution() {
        ChildWorkflowStateMachine machine = started();

        assertThat(machine.state()).isEqualTo(State.STARTED);
        assertThat(parent.started).containsExactly(new WorkflowExecution(WORKFLOW_ID, RUN_ID));
        assertThat(parent.completed).isEmpty();
    }

    @Test
    void childThatFailedToStartFailsTheParentAsNeverStartedWithTheCause() {
        ChildWorkflowStateMachine machine = initiated();

        machine.handle(Events.childFailed(CHILD_ID,
                Events.applicationFailure("workflow id taken", "WorkflowExecutionAlreadyStarted"), null));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(parent.failedBeforeStart).containsExactly(true);
        assertThat(parent.failed).singleElement().satisfies(failure -> {
            assertThat(failure.getWorkflowType()).isEqualTo(TYPE);
            assertThat(failure.getWorkflowId()).isEqualTo(WORKFLOW_ID);
            assertThat(failure.getRunId()).isNull();
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                    cause -> assertThat(cause.getType()).isEqualTo("WorkflowExecutionAlreadyStarted"));
        });
    }

    @Test
    void scopeCanceledBeforeTheChildStartedFailsTheParentAsNeverStarted() {
        ChildWorkflowStateMachine machine = abandoned();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(sink.commands()).containsExactly(INITIATED);
        assertThat(parent.failedBeforeStart).containsExactly(true);
        assertThat(parent.failed).singleElement().extracting(ChildWorkflowFailure::getCause)
                .isInstanceOf(CanceledFailure.class);
    }

    // --- STARTED ---------------------------------------------------------------------------------------

    @Test
    void completedChildDeliversItsResult() {
        ChildWorkflowStateMachine machine = started();

        machine.handle(Events.childCompleted(CHILD_ID, "shipped"));

        assertThat(machine.state()).isEqualTo(State.COMPLETED);
        assertThat(parent.completed).containsExactly(Payload.of("shipped"));
        assertThat(parent.failed).isEmpty();
    }

    @Test
    void childFailingAfterItStartedFailsTheParentNamingTheRun() {
        ChildWorkflowStateMachine machine = started();

        machine.handle(Events.childFailed(CHILD_ID, Events.applicationFailure("no truck", "NoTruck"), RUN_ID));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(parent.failedBeforeStart).containsExactly(false);
        assertThat(parent.failed).singleElement().satisfies(failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                    cause -> assertThat(cause.getType()).isEqualTo("NoTruck"));
        });
    }

    @Test
    void scopeCanceledAfterTheChildStartedFailsTheParentNamingTheRun() {
        ChildWorkflowStateMachine machine = started();

        machine.scopeCanceled();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(parent.failedBeforeStart).containsExactly(false);
        assertThat(parent.failed).singleElement().satisfies(failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    // --- ABANDONED -------------------------------------------------------------------------------------

    @Test
    void theStartOfAnAbandonedChildIsTakenAndNotReported() {
        ChildWorkflowStateMachine machine = abandoned();

        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(parent.started).isEmpty();
    }

    @Test
    void theCompletionOfAnAbandonedChildIsTakenAndIgnored() {
        ChildWorkflowStateMachine machine = abandoned();
        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        machine.handle(Events.childCompleted(CHILD_ID, "shipped"));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(parent.completed).isEmpty();
        assertThat(parent.failed).hasSize(1);
    }

    @Test
    void theFailureOfAnAbandonedChildIsTakenAndIgnored() {
        ChildWorkflowStateMachine machine = abandoned();

        machine.handle(Events.childFailed(CHILD_ID, Events.applicationFailure("no truck", "NoTruck"), null));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(parent.failed).singleElement().extracting(ChildWorkflowFailure::getCause)
                .isInstanceOf(CanceledFailure.class);
    }

    // --- undeclared transitions ------------------------------------------------------------------------

    @Test
    void aChildThatClosedCannotBeAbandoned() {
        ChildWorkflowStateMachine machine = started();
        machine.handle(Events.childCompleted(CHILD_ID, "shipped"));

        assertThat(machine.accepts(Event.SCOPE_CANCELED)).isFalse();
    }

    @Test
    void completionBeforeStartIsAnUndeclaredTransition() {
        ChildWorkflowStateMachine machine = initiated();

        assertThatThrownBy(() -> machine.handle(Events.childCompleted(CHILD_ID, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from INITIATED on COMPLETED");
        assertThat(parent.completed).isEmpty();
    }

    @Test
    void failureAfterCompletionIsAnUndeclaredTransition() {
        ChildWorkflowStateMachine machine = started();
        machine.handle(Events.childCompleted(CHILD_ID, "shipped"));

        assertThatThrownBy(() -> machine.handle(Events.childFailed(CHILD_ID, Events.applicationFailure("x", "X"),
                RUN_ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from COMPLETED on FAILED");
        assertThat(parent.failed).isEmpty();
    }
}
