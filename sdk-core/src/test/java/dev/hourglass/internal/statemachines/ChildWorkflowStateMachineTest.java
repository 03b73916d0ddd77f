package dev.hourglass.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.ChildWorkflowExecutionCancelRequestedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCanceledAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine.Event;
import dev.hourglass.internal.statemachines.ChildWorkflowStateMachine.State;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChildWorkflowStateMachineTest {

    private static final String CHILD_ID = "1";
    private static final String TYPE = "Shipment";
    private static final String WORKFLOW_ID = "order-5/shipment";
    private static final String RUN_ID = "run-9";
    private static final StartChildWorkflowExecutionInitiatedAttributes INITIATED =
            Events.childInitiated(CHILD_ID, TYPE, WORKFLOW_ID);
    private static final ChildWorkflowExecutionCancelRequestedAttributes DELIVERED =
            new ChildWorkflowExecutionCancelRequestedAttributes(CHILD_ID, RUN_ID);
    private static final ChildWorkflowExecutionCanceledAttributes CANCELED =
            new ChildWorkflowExecutionCanceledAttributes(CHILD_ID, RUN_ID);

    /** What the parent code was told, in order. */
    private static final class RecordingCallbacks implements ChildWorkflowStateMachine.Callbacks {
        final List<WorkflowExecution> started = new ArrayList<>();
        final List<ChildWorkflowFailure> notStarted = new ArrayList<>();
        final List<Payload> completed = new ArrayList<>();
        final List<RuntimeException> failed = new ArrayList<>();

        @Override
        public void started(WorkflowExecution execution) {
            started.add(execution);
        }

        @Override
        public void notStarted(ChildWorkflowFailure failure) {
            notStarted.add(failure);
        }

        @Override
        public void completed(Payload result) {
            completed.add(result);
        }

        @Override
        public void failed(RuntimeException failure) {
            failed.add(failure);
        }
    }

    private final RecordingCommandSink sink = RecordingCommandSink.live();
    private final RecordingCallbacks parent = new RecordingCallbacks();

    private ChildWorkflowStateMachine created(ChildWorkflowCancellationType type) {
        return new ChildWorkflowStateMachine(INITIATED, type, sink, parent);
    }

    private ChildWorkflowStateMachine initiated(ChildWorkflowCancellationType type) {
        ChildWorkflowStateMachine machine = created(type);
        machine.initiate();
        return machine;
    }

    private ChildWorkflowStateMachine initiated() {
        return initiated(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
    }

    private ChildWorkflowStateMachine started(ChildWorkflowCancellationType type) {
        ChildWorkflowStateMachine machine = initiated(type);
        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));
        return machine;
    }

    private ChildWorkflowStateMachine started() {
        return started(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
    }

    private ChildWorkflowStateMachine canceledAfterStart(ChildWorkflowCancellationType type) {
        ChildWorkflowStateMachine machine = started(type);
        machine.cancel();
        return machine;
    }

    private static RequestCancelChildWorkflowExecutionInitiatedAttributes request(ChildWorkflowCancellationType type) {
        return new RequestCancelChildWorkflowExecutionInitiatedAttributes(CHILD_ID, type);
    }

    private static Payload noTruck() {
        return Events.applicationFailure("no truck", "NoTruck");
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

    @ParameterizedTest
    @EnumSource(ChildWorkflowCancellationType.class)
    void scopeCanceledBeforeInitiatingRecordsNoCommandAndFailsBothPromisesWithChildWorkflowFailure(
            ChildWorkflowCancellationType type) {
        ChildWorkflowStateMachine machine = created(type);

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(sink.commands()).isEmpty();
        assertThat(parent.notStarted).hasSize(1);
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
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
    void childThatFailedToStartFailsBothPromisesWithTheCause() {
        ChildWorkflowStateMachine machine = initiated();

        machine.handle(Events.childFailed(CHILD_ID,
                Events.applicationFailure("workflow id taken", "WorkflowExecutionAlreadyStarted"), null));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(parent.notStarted).hasSize(1);
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getWorkflowType()).isEqualTo(TYPE);
            assertThat(failure.getRunId()).isNull();
            assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                    cause -> assertThat(cause.getType()).isEqualTo("WorkflowExecutionAlreadyStarted"));
        });
    }

    @Test
    void abandoningAChildNotStartedYetFailsBothPromisesAndRequestsNothing() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.ABANDON);

        machine.cancel();

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(sink.commands()).containsExactly(INITIATED);
        assertThat(parent.notStarted).singleElement().extracting(Throwable::getCause)
                .isInstanceOf(CanceledFailure.class);
        assertThat(parent.failed).singleElement().isExactlyInstanceOf(CanceledFailure.class);
    }

    @ParameterizedTest
    @EnumSource(value = ChildWorkflowCancellationType.class, names = "ABANDON", mode = EnumSource.Mode.EXCLUDE)
    void cancelingAChildNotStartedYetRecordsTheRequestAfterItsStart(ChildWorkflowCancellationType type) {
        ChildWorkflowStateMachine machine = initiated(type);

        machine.cancel();

        assertThat(sink.commands()).containsExactly(INITIATED, request(type));
        assertThat(parent.notStarted).isEmpty();
        assertThat(machine.state()).isEqualTo(type == ChildWorkflowCancellationType.TRY_CANCEL
                ? State.CANCEL_REQUESTED : type == ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED
                ? State.CANCEL_DELIVERY_AWAITED : State.CANCEL_COMPLETION_AWAITED);
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
    void childFailingAfterItStartedFailsTheResultNamingTheRun() {
        ChildWorkflowStateMachine machine = started();

        machine.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID));

        assertThat(machine.state()).isEqualTo(State.FAILED);
        assertThat(parent.notStarted).isEmpty();
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
        });
    }

    @Test
    void childCanceledFromElsewhereFailsTheResultWithChildWorkflowFailureCausedByCanceledFailure() {
        ChildWorkflowStateMachine machine = started();

        machine.handle(CANCELED);

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    @Test
    void abandonRequestsNothingAndFailsTheResultAtOnceWithCanceledFailure() {
        ChildWorkflowStateMachine machine = canceledAfterStart(ChildWorkflowCancellationType.ABANDON);

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(sink.commands()).containsExactly(INITIATED);
        assertThat(parent.notStarted).isEmpty();
        assertThat(parent.failed).singleElement().isExactlyInstanceOf(CanceledFailure.class);
    }

    @Test
    void tryCancelRecordsTheRequestAndFailsTheResultAtOnceWithCanceledFailure() {
        ChildWorkflowStateMachine machine = canceledAfterStart(ChildWorkflowCancellationType.TRY_CANCEL);

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(sink.commands()).containsExactly(INITIATED, request(ChildWorkflowCancellationType.TRY_CANCEL));
        assertThat(parent.failed).singleElement().isExactlyInstanceOf(CanceledFailure.class);
    }

    @Test
    void waitCancellationRequestedRecordsTheRequestAndTellsTheParentNothingYet() {
        ChildWorkflowStateMachine machine =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        assertThat(machine.state()).isEqualTo(State.CANCEL_DELIVERY_AWAITED);
        assertThat(sink.commands()).containsExactly(INITIATED,
                request(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED));
        assertThat(parent.failed).isEmpty();
    }

    @Test
    void waitCancellationCompletedRecordsTheRequestAndTellsTheParentNothingYet() {
        ChildWorkflowStateMachine machine =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThat(machine.state()).isEqualTo(State.CANCEL_COMPLETION_AWAITED);
        assertThat(sink.commands()).containsExactly(INITIATED,
                request(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED));
        assertThat(parent.failed).isEmpty();
    }

    // --- ABANDONED -------------------------------------------------------------------------------------

    @Test
    void theStartOfAnAbandonedChildIsTakenAndNotReported() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.ABANDON);
        machine.cancel();

        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        assertThat(machine.state()).isEqualTo(State.ABANDONED);
        assertThat(parent.started).isEmpty();
    }

    @Test
    void theEndsOfAnAbandonedChildAreTakenAndIgnored() {
        ChildWorkflowStateMachine completed = canceledAfterStart(ChildWorkflowCancellationType.ABANDON);
        ChildWorkflowStateMachine failed = canceledAfterStart(ChildWorkflowCancellationType.ABANDON);
        ChildWorkflowStateMachine canceled = canceledAfterStart(ChildWorkflowCancellationType.ABANDON);

        completed.handle(Events.childCompleted(CHILD_ID, "shipped"));
        failed.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID));
        canceled.handle(CANCELED);

        assertThat(List.of(completed.state(), failed.state(), canceled.state())).containsOnly(State.ABANDONED);
        assertThat(parent.completed).isEmpty();
        assertThat(parent.failed).hasSize(3).allMatch(f -> f.getClass() == CanceledFailure.class);
    }

    // --- CANCEL_REQUESTED (TRY_CANCEL, or WAIT_CANCELLATION_REQUESTED once delivered) ---------------

    @Test
    void aChildStartedAfterTryCancelStillReportsItsExecution() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.TRY_CANCEL);
        machine.cancel();

        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(parent.started).containsExactly(new WorkflowExecution(WORKFLOW_ID, RUN_ID));
    }

    @Test
    void afterTryCancelTheDeliveryAndEveryEndOfTheChildAreIgnored() {
        ChildWorkflowStateMachine completed = canceledAfterStart(ChildWorkflowCancellationType.TRY_CANCEL);
        ChildWorkflowStateMachine failed = canceledAfterStart(ChildWorkflowCancellationType.TRY_CANCEL);
        ChildWorkflowStateMachine canceled = canceledAfterStart(ChildWorkflowCancellationType.TRY_CANCEL);

        completed.handle(DELIVERED);
        completed.handle(Events.childCompleted(CHILD_ID, "shipped"));
        failed.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID));
        canceled.handle(CANCELED);

        assertThat(List.of(completed.state(), failed.state(), canceled.state()))
                .containsOnly(State.CANCEL_REQUESTED);
        assertThat(parent.completed).isEmpty();
        assertThat(parent.notStarted).isEmpty();
        assertThat(parent.failed).hasSize(3).allMatch(f -> f.getClass() == CanceledFailure.class);
    }

    @Test
    void aChildThatFailedToStartAfterTryCancelFailsTheExecutionPromise() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.TRY_CANCEL);
        machine.cancel();

        machine.handle(Events.childFailed(CHILD_ID,
                Events.applicationFailure("workflow id taken", "WorkflowExecutionAlreadyStarted"), null));

        assertThat(parent.notStarted).singleElement().extracting(Throwable::getCause)
                .isInstanceOf(ApplicationFailure.class);
        assertThat(parent.failed).singleElement().isExactlyInstanceOf(CanceledFailure.class);
    }

    // --- CANCEL_DELIVERY_AWAITED (WAIT_CANCELLATION_REQUESTED) ----------------------------------------

    @Test
    void waitCancellationRequestedFailsTheResultWithCanceledFailureOnceTheRequestReachedTheChild() {
        ChildWorkflowStateMachine machine =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        machine.handle(DELIVERED);

        assertThat(machine.state()).isEqualTo(State.CANCEL_REQUESTED);
        assertThat(parent.failed).singleElement().isExactlyInstanceOf(CanceledFailure.class);
    }

    @Test
    void waitCancellationRequestedReportsTheStartOfAChildNotStartedWhenCanceled() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);
        machine.cancel();

        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        assertThat(machine.state()).isEqualTo(State.CANCEL_DELIVERY_AWAITED);
        assertThat(parent.started).containsExactly(new WorkflowExecution(WORKFLOW_ID, RUN_ID));
        assertThat(parent.failed).isEmpty();
    }

    @Test
    void aChildThatEndsBeforeTheRequestReachedItGivesItsOwnOutcome() {
        ChildWorkflowStateMachine completed =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);
        ChildWorkflowStateMachine failed =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);
        ChildWorkflowStateMachine canceled =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        completed.handle(Events.childCompleted(CHILD_ID, "shipped"));
        failed.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID));
        canceled.handle(CANCELED);

        assertThat(List.of(completed.state(), failed.state(), canceled.state()))
                .containsExactly(State.COMPLETED, State.FAILED, State.CANCELED);
        assertThat(parent.completed).containsExactly(Payload.of("shipped"));
        assertThat(parent.failed).hasSize(2).allMatch(f -> f instanceof ChildWorkflowFailure);
    }

    // --- CANCEL_COMPLETION_AWAITED (WAIT_CANCELLATION_COMPLETED) --------------------------------------

    @Test
    void waitCancellationCompletedKeepsWaitingOnceTheRequestReachedTheChild() {
        ChildWorkflowStateMachine machine = canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        machine.handle(DELIVERED);

        assertThat(machine.state()).isEqualTo(State.CANCEL_COMPLETION_AWAITED);
        assertThat(parent.failed).isEmpty();
    }

    @Test
    void waitCancellationCompletedReportsTheStartOfAChildNotStartedWhenCanceled() {
        ChildWorkflowStateMachine machine = initiated(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.cancel();

        machine.handle(Events.childStarted(CHILD_ID, WORKFLOW_ID, RUN_ID));

        assertThat(machine.state()).isEqualTo(State.CANCEL_COMPLETION_AWAITED);
        assertThat(parent.started).containsExactly(new WorkflowExecution(WORKFLOW_ID, RUN_ID));
    }

    @Test
    void waitCancellationCompletedFailsWithChildWorkflowFailureCausedByCanceledFailureOnceTheChildEndsCanceled() {
        ChildWorkflowStateMachine machine = canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
        machine.handle(DELIVERED);

        machine.handle(CANCELED);

        assertThat(machine.state()).isEqualTo(State.CANCELED);
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getRunId()).isEqualTo(RUN_ID);
            assertThat(failure.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    @Test
    void waitCancellationCompletedGivesTheResultOrFailureOfAChildThatEndsAnotherWay() {
        ChildWorkflowStateMachine completed =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
        ChildWorkflowStateMachine failed =
                canceledAfterStart(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        completed.handle(Events.childCompleted(CHILD_ID, "shipped"));
        failed.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID));

        assertThat(List.of(completed.state(), failed.state())).containsExactly(State.COMPLETED, State.FAILED);
        assertThat(parent.completed).containsExactly(Payload.of("shipped"));
        assertThat(parent.failed).singleElement().isInstanceOfSatisfying(ChildWorkflowFailure.class,
                failure -> assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class));
    }

    // --- undeclared transitions ------------------------------------------------------------------------

    @Test
    void aChildThatClosedCannotBeCanceled() {
        ChildWorkflowStateMachine machine = started();
        machine.handle(Events.childCompleted(CHILD_ID, "shipped"));

        assertThat(machine.accepts(Event.CANCEL)).isFalse();
        assertThat(machine.accepts(Event.ABANDON)).isFalse();
    }

    @Test
    void aDeliveredRequestWithoutARequestIsAnUndeclaredTransition() {
        ChildWorkflowStateMachine machine = started();

        assertThatThrownBy(() -> machine.handle(DELIVERED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from STARTED on CANCEL_DELIVERED");
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

        assertThatThrownBy(() -> machine.handle(Events.childFailed(CHILD_ID, noTruck(), RUN_ID)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ChildWorkflowStateMachine")
                .hasMessageContaining("from COMPLETED on FAILED");
        assertThat(parent.failed).isEmpty();
    }
}
