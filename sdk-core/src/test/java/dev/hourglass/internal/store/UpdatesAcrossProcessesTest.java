package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.ContinueAsNewOptions;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services opened on one SQLite file stand for processes: an update is a row of the database from the moment it is
 * sent, so a worker of any process delivers it, even one that starts after it was sent, and the client that sent it
 * learns the outcome from the row; when the run continues as new before accepting it, the row moves to the new run
 * in the same transaction, so the update outlives the worker process that continued the run.
 */
class UpdatesAcrossProcessesTest {

    private static final String QUEUE = "tallies";
    private static final ServiceOptions OPTIONS = ServiceOptions.newBuilder()
            .setSweepInterval(Duration.ofMillis(50)).build();

    @WorkflowInterface
    public interface Tally {
        @WorkflowMethod
        int run();

        @UpdateMethod
        int add(int amount);

        @SignalMethod
        void close();

        /** Continues as new on {@link #NEXT_QUEUE}, where only the workers that a test starts for it poll. */
        @SignalMethod
        void moveOn();
    }

    private static final String NEXT_QUEUE = "tallies-next";

    public static class TallyImpl implements Tally {
        private int total;
        private boolean closed;
        private boolean movingOn;

        @Override
        public int run() {
            Workflow.await(() -> closed || movingOn);
            if (movingOn && !closed) {
                Workflow.continueAsNew(ContinueAsNewOptions.newBuilder().setTaskQueue(NEXT_QUEUE).build());
            }
            return total;
        }

        @Override
        public void moveOn() {
            movingOn = true;
        }

        @Override
        public int add(int amount) {
            total += amount;
            return total;
        }

        @UpdateValidatorMethod(updateName = "add")
        public void validateAdd(int amount) {
            if (amount <= 0) {
                throw new IllegalArgumentException("only positive amounts are added, not " + amount);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @TempDir
    Path directory;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private WorkflowService open() {
        WorkflowService service = WorkflowService.sqlite(directory.resolve("hourglass.db"), OPTIONS);
        opened.add(service);
        return service;
    }

    private void startWorker(WorkflowService service) {
        startWorker(service, QUEUE);
    }

    private WorkerFactory startWorker(WorkflowService service, String queue) {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        factory.newWorker(queue).registerWorkflowImplementationTypes(TallyImpl.class);
        factory.start();
        opened.add(factory::shutdown);
        return factory;
    }

    /** The run that holds the row of an update now, and the row's state, read from the file by another connection. */
    private List<String> updateRow(String updateId) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("hourglass.db"));
                PreparedStatement select = connection.prepareStatement(
                        "SELECT run_id, state FROM hourglass_updates WHERE update_id = ?")) {
            select.setString(1, updateId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? List.of(row.getString(1), row.getString(2)) : List.of();
            }
        }
    }

    private static WorkflowStub started(WorkflowService service, String workflowId) {
        Tally tally = WorkflowClient.newInstance(service).newWorkflowStub(Tally.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
        WorkflowClient.start(tally::run);
        return WorkflowStub.fromTyped(tally);
    }

    @Test
    void anUpdateSentWhileNoWorkerRunsIsDeliveredByAWorkerOfAnotherProcessThatStartsLater() throws Exception {
        WorkflowService clients = open();
        WorkflowStub tally = started(clients, "tally-1");
        CompletableFuture<Integer> added = CompletableFuture.supplyAsync(() -> tally.update("add", Integer.class, 5));

        startWorker(open());

        assertThat(added.get(30, TimeUnit.SECONDS)).isEqualTo(5);
        tally.signal("close");
        assertThat(tally.getResult(Integer.class)).isEqualTo(5);
        assertThat(WorkflowClient.newInstance(clients).fetchHistory("tally-1").getEvents()).extracting(HistoryEvent::getEventType)
                .containsSubsequence(EventType.WorkflowExecutionUpdateAccepted,
                        EventType.WorkflowExecutionUpdateCompleted);
    }

    @Test
    void aRejectionByAWorkerOfAnotherProcessReachesTheClientAndRecordsNoEvent() {
        WorkflowService clients = open();
        startWorker(open());
        WorkflowStub tally = started(clients, "tally-2");

        assertThatThrownBy(() -> tally.update("add", Integer.class, -3))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("was rejected: only positive amounts are added, not -3");
        assertThat(WorkflowClient.newInstance(clients).fetchHistory("tally-2").getEvents()).extracting(HistoryEvent::getEventType)
                .doesNotContain(EventType.WorkflowExecutionUpdateAccepted);
    }

    @Test
    void anUpdatePendingWhenTheRunContinuesAsNewIsAnsweredByTheNewRunAfterThatWorkerProcessIsGone() throws Exception {
        WorkflowService clients = open();
        WorkflowStub tally = started(clients, "tally-4");
        String firstRun = tally.getExecution().getRunId();
        CompletableFuture<Integer> added = CompletableFuture.supplyAsync(() -> tally.startUpdate("add",
                UpdateOptions.newBuilder().setUpdateId("add-across").build(), Integer.class, 7).getResult());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !updateRow("add-across").isEmpty());
        tally.signal("moveOn");

        // a worker process takes the task that brings the signal and the update: the run continues as new first
        WorkflowService dying = open();
        WorkerFactory first = startWorker(dying, QUEUE);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !updateRow("add-across").get(0).equals(firstRun));
        first.shutdown();
        dying.close();
        String nextRun = updateRow("add-across").get(0);
        assertThat(updateRow("add-across")).containsExactly(nextRun, "PENDING");
        assertThat(added).isNotDone();

        startWorker(open(), NEXT_QUEUE);

        assertThat(added.get(30, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(updateRow("add-across")).containsExactly(nextRun, "COMPLETED");
        tally.signal("close");
        assertThat(WorkflowClient.newInstance(clients).newUntypedWorkflowStub("tally-4").getResult(Integer.class))
                .isEqualTo(7);
    }

    @Test
    void anUpdateSentAgainWithItsIdFromAnotherProcessGetsTheFirstOutcome() {
        WorkflowService first = open();
        startWorker(first);
        WorkflowStub tally = started(first, "tally-3");
        UpdateOptions once = UpdateOptions.newBuilder()
                .setUpdateId("add-once").build();
        int firstOutcome = tally.startUpdate("add", once, Integer.class, 4).getResult();

        WorkflowStub again = WorkflowClient.newInstance(open()).newUntypedWorkflowStub("tally-3");
        int secondOutcome = again.startUpdate("add", once, Integer.class, 4).getResult();

        assertThat(firstOutcome).isEqualTo(4);
        assertThat(secondOutcome).isEqualTo(4);
    }
}
