package dev.hourglass.testing.cancellation;

import static dev.hourglass.history.EventType.ActivityTaskCancelRequested;
import static dev.hourglass.history.EventType.ActivityTaskCanceled;
import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.ActivityTaskStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.ActivityCanceledException;
import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.ActivityTaskCancelRequestedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.cancellation.Recount.Recounting;
import dev.hourglass.testing.cancellation.Recount.StockImpl;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What canceling the scope of a running, heartbeating activity does under each cancellation type. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActivityCancellationTypeTest {

    private static final String QUEUE = "stock";

    private final StockImpl stock = new StockImpl();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(11).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(Recount.RecountingImpl.class);
        worker.registerActivitiesImplementations(stock);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        stock.release.countDown();
        env.close();
    }

    /** Starts a recount with activities of {@code type}, waits for them to heartbeat, and cancels them. */
    private Recounting startAndCancel(String workflowId, ActivityCancellationType type) throws Exception {
        Recounting recounting = client.newWorkflowStub(Recounting.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
        WorkflowClient.start(recounting::run, type.name());
        assertThat(stock.heartbeating.await(20, TimeUnit.SECONDS)).as("the recount heartbeats").isTrue();
        recounting.stop();
        return recounting;
    }

    /** Waits until the history of {@code workflowId} has an event of {@code type}. */
    private void awaitEvent(String workflowId, EventType type) {
        Awaitility.await(type + " in the history of " + workflowId).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> types(client.fetchHistory(workflowId)).contains(type));
    }

    private String finish(String workflowId, Recounting recounting) {
        recounting.finish();
        return client.newUntypedWorkflowStub(workflowId).getResult(String.class);
    }

    private static List<EventType> types(History history) {
        return history.getEvents().stream().map(HistoryEvent::getEventType).collect(Collectors.toList());
    }

    /** The event types after the cancel request (or after the first activity was scheduled, if none). */
    private static List<EventType> afterCancellation(History history) {
        List<EventType> types = types(history);
        int from = types.contains(ActivityTaskCancelRequested) ? types.indexOf(ActivityTaskCancelRequested)
                : types.indexOf(ActivityTaskScheduled);
        return types.subList(from, types.size());
    }

    @Test
    void tryCancelRequestsCancellationAndFailsThePromiseWithoutWaitingForTheActivity() throws Exception {
        Recounting recounting = startAndCancel("try", ActivityCancellationType.TRY_CANCEL);
        awaitEvent("try", ActivityTaskCanceled);

        String result = finish("try", recounting);

        assertThat(result).isEqualTo("ActivityFailure caused by CanceledFailure");
        // the workflow went on (scheduling its note) in the task that requested the cancellation
        assertThat(afterCancellation(client.fetchHistory("try")))
                .startsWith(ActivityTaskCancelRequested, ActivityTaskScheduled)
                .contains(ActivityTaskCanceled);
    }

    @Test
    void tryCancelStillTellsTheActivityThroughItsNextHeartbeat() throws Exception {
        Recounting recounting = startAndCancel("try-heartbeat", ActivityCancellationType.TRY_CANCEL);

        assertThat(stock.stoppedBy.get(20, TimeUnit.SECONDS)).isInstanceOf(ActivityCanceledException.class)
                .hasMessageContaining("activity recount (id 1, attempt 1, workflow try-heartbeat) was canceled");
        finish("try-heartbeat", recounting);
    }

    @Test
    void waitCancellationCompletedFailsThePromiseOnlyOnceTheActivityReportsItCanceled() throws Exception {
        Recounting recounting = startAndCancel("wait", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        awaitEvent("wait", ActivityTaskCompleted); // the note, scheduled after the recount stopped

        String result = finish("wait", recounting);

        assertThat(result).isEqualTo("ActivityFailure caused by CanceledFailure");
        assertThat(stock.stoppedBy.get(20, TimeUnit.SECONDS)).isInstanceOf(ActivityCanceledException.class);
        assertThat(afterCancellation(client.fetchHistory("wait"))).startsWith(ActivityTaskCancelRequested,
                ActivityTaskStarted, ActivityTaskCanceled, ActivityTaskScheduled);
    }

    @Test
    void waitCancellationCompletedRecordsItsTypeWithTheCancelRequest() throws Exception {
        Recounting recounting = startAndCancel("wait-type", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
        awaitEvent("wait-type", ActivityTaskCompleted);
        finish("wait-type", recounting);

        HistoryEvent request = client.fetchHistory("wait-type").getEvents().stream()
                .filter(event -> event.getEventType() == ActivityTaskCancelRequested).findFirst().orElseThrow();

        assertThat(request.getAttributes(ActivityTaskCancelRequestedAttributes.class).cancellationType())
                .isEqualTo(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);
    }

    @Test
    void abandonFailsThePromiseAtOnceWithoutRequestingCancellation() throws Exception {
        Recounting recounting = startAndCancel("abandon", ActivityCancellationType.ABANDON);
        Awaitility.await("the workflow's note").atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (stock) {
                return !stock.notes.isEmpty();
            }
        });

        stock.release.countDown();
        awaitEvent("abandon", ActivityTaskCompleted);
        Awaitility.await("the recount's completion").atMost(Duration.ofSeconds(20))
                .until(() -> types(client.fetchHistory("abandon")).stream()
                        .filter(ActivityTaskCompleted::equals).count() == 2);
        String result = finish("abandon", recounting);

        assertThat(result).isEqualTo("ActivityFailure caused by CanceledFailure");
        assertThat(types(client.fetchHistory("abandon"))).doesNotContain(ActivityTaskCancelRequested,
                ActivityTaskCanceled);
    }

    @Test
    void abandonedActivityRunsOnUntoldAndItsResultIsRecordedButIgnored() throws Exception {
        Recounting recounting = startAndCancel("abandon-runs", ActivityCancellationType.ABANDON);
        Awaitility.await("the workflow's note").atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (stock) {
                return !stock.notes.isEmpty();
            }
        });

        stock.release.countDown();

        assertThat(stock.stoppedBy.get(20, TimeUnit.SECONDS)).as("no heartbeat threw").isNull();
        Awaitility.await("the recount's completion").atMost(Duration.ofSeconds(20))
                .until(() -> types(client.fetchHistory("abandon-runs")).stream()
                        .filter(ActivityTaskCompleted::equals).count() == 2);
        assertThat(finish("abandon-runs", recounting)).isEqualTo("ActivityFailure caused by CanceledFailure");
    }

    // ------------------------------------------------------------------------------------------- replay

    private History recorded(String workflowId, ActivityCancellationType type) throws Exception {
        Recounting recounting = startAndCancel(workflowId, type);
        if (type == ActivityCancellationType.ABANDON) {
            Awaitility.await("the workflow's note").atMost(Duration.ofSeconds(20)).until(() -> {
                synchronized (stock) {
                    return !stock.notes.isEmpty();
                }
            });
            stock.release.countDown();
            Awaitility.await("the recount's completion").atMost(Duration.ofSeconds(20))
                    .until(() -> types(client.fetchHistory(workflowId)).stream()
                            .filter(ActivityTaskCompleted::equals).count() == 2);
        } else {
            awaitEvent(workflowId, ActivityTaskCanceled);
            awaitEvent(workflowId, ActivityTaskCompleted);
        }
        finish(workflowId, recounting);
        return client.fetchHistory(workflowId);
    }

    @Test
    void historiesOfEachCancellationTypeReplayWithTheirCode() throws Exception {
        History tryCancel = recorded("replay-try", ActivityCancellationType.TRY_CANCEL);

        assertThat(Replayer.replay(tryCancel, true, Recount.TryCancelRecounting.class)).isEmpty();
        assertThat(Replayer.replay(tryCancel, true, Recount.RecountingImpl.class)).isEmpty();
    }

    @Test
    void waitCancellationCompletedHistoryReplaysWithItsCode() throws Exception {
        History waiting = recorded("replay-wait", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThat(Replayer.replay(waiting, true, Recount.WaitingRecounting.class)).isEmpty();
    }

    @Test
    void abandonHistoryReplaysWithItsCode() throws Exception {
        History abandoned = recorded("replay-abandon", ActivityCancellationType.ABANDON);

        assertThat(Replayer.replay(abandoned, true, Recount.AbandoningRecounting.class)).isEmpty();
    }

    @Test
    void waitingHistoryReplayedWithTryCancelCodeIsNondeterministicNamingTheCancellationType() throws Exception {
        History waiting = recorded("cross-wait", ActivityCancellationType.WAIT_CANCELLATION_COMPLETED);

        assertThatThrownBy(() -> Replayer.replay(waiting, false, Recount.TryCancelRecounting.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("cancellationType differs")
                .hasMessageContaining("WAIT_CANCELLATION_COMPLETED");
    }

    @Test
    void tryCancelHistoryReplayedWithWaitingCodeIsNondeterministic() throws Exception {
        History tryCancel = recorded("cross-try", ActivityCancellationType.TRY_CANCEL);

        assertThatThrownBy(() -> Replayer.replay(tryCancel, false, Recount.WaitingRecounting.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("cancellationType differs");
    }

    @Test
    void tryCancelHistoryReplayedWithAbandoningCodeIsNondeterministic() throws Exception {
        History tryCancel = recorded("cross-abandon", ActivityCancellationType.TRY_CANCEL);

        assertThatThrownBy(() -> Replayer.replay(tryCancel, false, Recount.AbandoningRecounting.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("ActivityTaskCancelRequested");
    }

    @Test
    void abandonHistoryReplayedWithTryCancelCodeIsNondeterministic() throws Exception {
        History abandoned = recorded("cross-abandon-try", ActivityCancellationType.ABANDON);

        assertThatThrownBy(() -> Replayer.replay(abandoned, false, Recount.TryCancelRecounting.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("ActivityTaskCancelRequested");
    }
}
