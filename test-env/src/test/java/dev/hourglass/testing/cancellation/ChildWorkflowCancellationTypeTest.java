package dev.hourglass.testing.cancellation;

import static dev.hourglass.history.EventType.ChildWorkflowExecutionCancelRequested;
import static dev.hourglass.history.EventType.ChildWorkflowExecutionCanceled;
import static dev.hourglass.history.EventType.ChildWorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.ChildWorkflowExecutionStarted;
import static dev.hourglass.history.EventType.RequestCancelChildWorkflowExecutionInitiated;
import static dev.hourglass.history.EventType.StartChildWorkflowExecutionInitiated;
import static dev.hourglass.history.EventType.TimerCanceled;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCancelRequested;
import static dev.hourglass.history.EventType.WorkflowExecutionCanceled;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.history.RequestCancelChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.cancellation.Dispatch.Dispatching;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What canceling the scope of a started child workflow does under each cancellation type, in virtual time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChildWorkflowCancellationTypeTest {

    private static final String QUEUE = "dispatch";

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(17).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(Dispatch.DispatchingImpl.class, Dispatch.DeliveringImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    /** Runs a dispatch whose child of {@code type} is canceled {@code when}; returns what its promise gave. */
    private String dispatch(String workflowId, ChildWorkflowCancellationType type, String parcel, String when) {
        return client.newWorkflowStub(Dispatching.class,
                        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build())
                .dispatch(type.name(), parcel, when);
    }

    private String dispatch(String workflowId, ChildWorkflowCancellationType type) {
        return dispatch(workflowId, type, "books", "after-start");
    }

    private History recorded(String workflowId, ChildWorkflowCancellationType type) {
        dispatch(workflowId, type);
        return client.fetchHistory(workflowId);
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------- ABANDON

    @Test
    void abandonFailsThePromiseAtOnceWithCanceledFailureAndRequestsNothing() {
        String outcome = dispatch("abandon", ChildWorkflowCancellationType.ABANDON);

        assertThat(outcome).isEqualTo("CanceledFailure");
        // the code went on at once; the child's completion an hour later is recorded and ignored
        assertThat(types(client.fetchHistory("abandon"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionStarted, TimerFired,
                TimerStarted, ChildWorkflowExecutionCompleted, TimerFired, WorkflowExecutionCompleted);
    }

    @Test
    void abandonedChildRunsOnUntoldToItsEnd() {
        dispatch("abandon-child", ChildWorkflowCancellationType.ABANDON);

        assertThat(types(client.fetchHistory("abandon-child-delivery"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, TimerFired, WorkflowExecutionCompleted);
    }

    // ------------------------------------------------------------------------------------------- TRY_CANCEL

    @Test
    void tryCancelRecordsTheRequestAndFailsThePromiseAtOnceWithCanceledFailure() {
        String outcome = dispatch("try", ChildWorkflowCancellationType.TRY_CANCEL);

        assertThat(outcome).isEqualTo("CanceledFailure");
        // the code went on (its two-hour sleep) in the task that requested the cancellation
        assertThat(types(client.fetchHistory("try"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionStarted, TimerFired,
                RequestCancelChildWorkflowExecutionInitiated, TimerStarted, ChildWorkflowExecutionCancelRequested,
                ChildWorkflowExecutionCanceled, TimerFired, WorkflowExecutionCompleted);
    }

    @Test
    void tryCanceledChildReceivesTheRequestCleansUpAndEndsCanceled() {
        dispatch("try-child", ChildWorkflowCancellationType.TRY_CANCEL);

        assertThat(types(client.fetchHistory("try-child-delivery"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, WorkflowExecutionCancelRequested, TimerCanceled, TimerStarted, TimerFired,
                WorkflowExecutionCanceled);
    }

    @Test
    void theCancellationTypeIsRecordedWithTheRequest() {
        History history = recorded("try-type", ChildWorkflowCancellationType.TRY_CANCEL);

        HistoryEvent request = history.getEvents().stream()
                .filter(event -> event.getEventType() == RequestCancelChildWorkflowExecutionInitiated)
                .findFirst().orElseThrow();
        assertThat(request.getAttributes(RequestCancelChildWorkflowExecutionInitiatedAttributes.class))
                .isEqualTo(new RequestCancelChildWorkflowExecutionInitiatedAttributes("1",
                        ChildWorkflowCancellationType.TRY_CANCEL));
    }

    // ------------------------------------------------------------------------------------------- WAIT_CANCELLATION_REQUESTED

    @Test
    void waitCancellationRequestedFailsThePromiseWithCanceledFailureOnceTheRequestReachedTheChild() {
        String outcome = dispatch("requested", ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        assertThat(outcome).isEqualTo("CanceledFailure");
        // the code went on once the request reached the child, before the child closed ten minutes later
        assertThat(types(client.fetchHistory("requested"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionStarted, TimerFired,
                RequestCancelChildWorkflowExecutionInitiated, ChildWorkflowExecutionCancelRequested, TimerStarted,
                ChildWorkflowExecutionCanceled, TimerFired, WorkflowExecutionCompleted);
    }

    @Test
    void waitCancellationRequestedChildEndsCanceled() {
        dispatch("requested-child", ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        assertThat(types(client.fetchHistory("requested-child-delivery")))
                .contains(WorkflowExecutionCancelRequested).endsWith(WorkflowExecutionCanceled);
    }

    // ------------------------------------------------------------------------------------------- WAIT_CANCELLATION_COMPLETED

    @Test
    void waitCancellationCompletedFailsThePromiseWithChildWorkflowFailureOnceTheChildEndedCanceled() {
        String outcome = dispatch("completed", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThat(outcome).isEqualTo("ChildWorkflowFailure caused by CanceledFailure");
        // the code went on only once the child closed, after its ten minutes of cleaning up
        assertThat(types(client.fetchHistory("completed"))).containsExactly(WorkflowExecutionStarted,
                TimerStarted, StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionStarted, TimerFired,
                RequestCancelChildWorkflowExecutionInitiated, ChildWorkflowExecutionCancelRequested,
                ChildWorkflowExecutionCanceled, TimerStarted, TimerFired, WorkflowExecutionCompleted);
    }

    @Test
    void waitCancellationCompletedChildEndsCanceled() {
        dispatch("completed-child", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThat(types(client.fetchHistory("completed-child-delivery")))
                .contains(WorkflowExecutionCancelRequested).endsWith(WorkflowExecutionCanceled);
    }

    @Test
    void waitCancellationCompletedGivesTheResultOfAChildThatCompletesAnyway() {
        String outcome = dispatch("stubborn", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED,
                "stubborn books", "after-start");

        assertThat(outcome).isEqualTo("completed: delivered stubborn books anyway");
        assertThat(types(client.fetchHistory("stubborn"))).containsSequence(
                RequestCancelChildWorkflowExecutionInitiated, ChildWorkflowExecutionCancelRequested,
                ChildWorkflowExecutionCompleted, TimerStarted);
    }

    // ------------------------------------------------------------------------------------------- before the start

    @Test
    void aChildCanceledInTheTaskThatStartedItIsStartedAndThenAskedToCancel() {
        String outcome = dispatch("same-task", ChildWorkflowCancellationType.TRY_CANCEL, "books", "same-task");

        assertThat(outcome).isEqualTo("CanceledFailure");
        assertThat(types(client.fetchHistory("same-task"))).startsWith(WorkflowExecutionStarted,
                StartChildWorkflowExecutionInitiated, RequestCancelChildWorkflowExecutionInitiated, TimerStarted,
                ChildWorkflowExecutionStarted, ChildWorkflowExecutionCancelRequested);
        assertThat(types(client.fetchHistory("same-task-delivery"))).endsWith(WorkflowExecutionCanceled);
    }

    @Test
    void aChildWhoseScopeWasCanceledBeforeItStartedIsNeverStarted() {
        String outcome = dispatch("before", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED, "books",
                "before");

        assertThat(outcome).isEqualTo("ChildWorkflowFailure caused by CanceledFailure");
        assertThat(types(client.fetchHistory("before"))).containsExactly(WorkflowExecutionStarted, TimerStarted,
                TimerFired, WorkflowExecutionCompleted);
        assertThatThrownBy(() -> client.fetchHistory("before-delivery"))
                .isInstanceOf(WorkflowNotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------- history format

    @Test
    void theNewEventsSurviveTheJsonRoundTripAndReadInTheTimeline() {
        History history = recorded("format", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        History read = History.fromJson(history.toJson());

        assertThat(read.getEvents()).isEqualTo(history.getEvents());
        assertThat(HistoryTimeline.format(read))
                .contains("RequestCancelChildWorkflowExecutionInitiated  childId=1"
                        + " cancellationType=WAIT_CANCELLATION_COMPLETED")
                .contains("ChildWorkflowExecutionCancelRequested         childId=1 runId=")
                .contains("ChildWorkflowExecutionCanceled                childId=1 runId=");
    }

    // ------------------------------------------------------------------------------------------- replay

    @Test
    void abandonHistoryReplaysWithItsCode() {
        History history = recorded("replay-abandon", ChildWorkflowCancellationType.ABANDON);

        assertThat(Replayer.replay(history, true, Dispatch.AbandoningDispatch.class)).isEmpty();
    }

    @Test
    void tryCancelHistoryReplaysWithItsCode() {
        History history = recorded("replay-try", ChildWorkflowCancellationType.TRY_CANCEL);

        assertThat(Replayer.replay(history, true, Dispatch.TryCancelDispatch.class)).isEmpty();
    }

    @Test
    void waitCancellationRequestedHistoryReplaysWithItsCode() {
        History history = recorded("replay-requested", ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        assertThat(Replayer.replay(history, true, Dispatch.RequestWaitingDispatch.class)).isEmpty();
    }

    @Test
    void waitCancellationCompletedHistoryReplaysWithItsCode() {
        History history = recorded("replay-completed", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThat(Replayer.replay(history, true, Dispatch.CompletionWaitingDispatch.class)).isEmpty();
    }

    @Test
    void waitingHistoryReplayedWithTryCancelCodeIsNondeterministicNamingTheCancellationType() {
        History history = recorded("cross-completed", ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThatThrownBy(() -> Replayer.replay(history, false, Dispatch.TryCancelDispatch.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("cancellationType differs")
                .hasMessageContaining("WAIT_CANCELLATION_COMPLETED");
    }

    @Test
    void requestWaitingHistoryReplayedWithCompletionWaitingCodeIsNondeterministic() {
        History history = recorded("cross-requested", ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED);

        assertThatThrownBy(() -> Replayer.replay(history, false, Dispatch.CompletionWaitingDispatch.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("cancellationType differs");
    }

    @Test
    void tryCancelHistoryReplayedWithAbandoningCodeIsNondeterministic() {
        History history = recorded("cross-try", ChildWorkflowCancellationType.TRY_CANCEL);

        assertThatThrownBy(() -> Replayer.replay(history, false, Dispatch.AbandoningDispatch.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("RequestCancelChildWorkflowExecutionInitiated");
    }

    @Test
    void abandonHistoryReplayedWithCancelingCodeIsNondeterministic() {
        History history = recorded("cross-abandon", ChildWorkflowCancellationType.ABANDON);

        assertThatThrownBy(() -> Replayer.replay(history, false, Dispatch.CompletionWaitingDispatch.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("RequestCancelChildWorkflowExecutionInitiated");
    }
}
