package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Starting runs and appending to and reading their histories, the same on every dialect. */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcStoreRunsTest {

    @Parameter
    Dialect dialect;


    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private TestDatabase database;
    private JdbcStore store;

    @BeforeEach
    void openStore() {
        database = TestDatabase.create(dialect, dir);
        store = database.open(clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void startingARunRecordsItsStartedEventAndQueuesItsFirstWorkflowTask() throws Exception {
        WorkflowExecution started = store.startRun(start("transfer-1"));

        History history = store.readHistory("transfer-1", started.getRunId());
        assertThat(history.getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted);
        assertThat(history.getEvents().get(0).getEventTime()).isEqualTo(T0);
        assertThat(database.query("SELECT run_id || ' ' || task_queue FROM hourglass_workflow_tasks"))
                .containsExactly(started.getRunId() + " payments");
    }

    @Test
    void aStartWithoutAWorkflowIdGetsOne() {
        WorkflowExecution started = store.startRun(start(null));

        assertThat(started.getWorkflowId()).isNotBlank();
        assertThat(store.readHistory(started.getWorkflowId(), null).getRunId()).isEqualTo(started.getRunId());
    }

    @Test
    void aSecondStartOfAnOpenIdIsRejectedNamingTheOpenRun() {
        WorkflowExecution first = store.startRun(start("transfer-1"));

        assertThatThrownBy(() -> store.startRun(start("transfer-1")))
                .isInstanceOfSatisfying(WorkflowExecutionAlreadyStartedException.class,
                        e -> assertThat(e.getExecution()).isEqualTo(first))
                .hasMessageContaining("is already used by the open execution");
    }

    @Test
    void concurrentStartsOfOneIdFromStoresOnOneDatabaseLetExactlyOneWin() throws Exception {
        int starters = 4;
        List<JdbcStore> stores = new ArrayList<>();
        for (int i = 0; i < starters; i++) {
            stores.add(database.open(clock));
        }
        CyclicBarrier together = new CyclicBarrier(starters);
        ExecutorService threads = Executors.newFixedThreadPool(starters);
        List<WorkflowExecution> won = new ArrayList<>();
        List<WorkflowExecutionAlreadyStartedException> lost = new ArrayList<>();
        try {
            List<Future<WorkflowExecution>> starts = new ArrayList<>();
            for (JdbcStore each : stores) {
                starts.add(threads.submit(() -> {
                    together.await();
                    return each.startRun(start("transfer-1"));
                }));
            }
            for (Future<WorkflowExecution> each : starts) {
                try {
                    won.add(each.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    lost.add((WorkflowExecutionAlreadyStartedException) e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
        assertThat(won).hasSize(1);
        assertThat(lost).hasSize(starters - 1).allSatisfy(e -> assertThat(e.getExecution()).isEqualTo(won.get(0)));
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_runs")).containsExactly("1");
    }

    @Test
    void aClosedIdStartsAgainAsItsNextRunWhenThePolicyAllows() {
        WorkflowExecution first = store.startRun(start("transfer-1", WorkflowIdReusePolicy.ALLOW_DUPLICATE));
        store.appendEvents(first.getRunId(), 2, List.of(new WorkflowExecutionCompletedAttributes(Payload.of("done"))));

        WorkflowExecution second = store.startRun(start("transfer-1", WorkflowIdReusePolicy.ALLOW_DUPLICATE));

        assertThat(second.getRunId()).isNotEqualTo(first.getRunId());
        assertThat(store.readHistory("transfer-1", null).getRunId()).isEqualTo(second.getRunId());
        assertThat(store.readHistory("transfer-1", first.getRunId()).getEvents()).hasSize(2);
    }

    @Test
    void rejectDuplicateRefusesAnIdWhoseRunClosed() {
        WorkflowExecution first = store.startRun(start("transfer-1"));
        store.appendEvents(first.getRunId(), 2, List.of(new WorkflowExecutionCompletedAttributes(Payload.of("done"))));

        assertThatThrownBy(() -> store.startRun(start("transfer-1", WorkflowIdReusePolicy.REJECT_DUPLICATE)))
                .isInstanceOf(WorkflowExecutionAlreadyStartedException.class)
                .hasMessageContaining("closed with WorkflowExecutionCompleted, and the reuse policy REJECT_DUPLICATE forbids");
    }

    @Test
    void allowDuplicateFailedOnlyStartsAgainAfterAFailureOnly() {
        WorkflowExecution first = store.startRun(start("transfer-1"));
        store.appendEvents(first.getRunId(), 2,
                List.of(new WorkflowExecutionFailedAttributes(Payload.fromJson("{\"message\":\"no funds\"}"))));

        WorkflowExecution second = store.startRun(start("transfer-1"));
        store.appendEvents(second.getRunId(), 2, List.of(new WorkflowExecutionCompletedAttributes(Payload.of("ok"))));

        assertThatThrownBy(() -> store.startRun(start("transfer-1")))
                .isInstanceOf(WorkflowExecutionAlreadyStartedException.class)
                .hasMessageContaining("closed with WorkflowExecutionCompleted");
    }

    @Test
    void appendedEventsGetTheNextIdsAndTheStoresTime() {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        clock.advance(Duration.ofSeconds(5));

        List<HistoryEvent> appended = store.appendEvents(run.getRunId(), 2,
                List.of(new TimerStartedAttributes("1", Duration.ofDays(3)), new TimerFiredAttributes("1")));

        assertThat(appended).extracting(HistoryEvent::getEventId).containsExactly(2L, 3L);
        assertThat(appended).extracting(HistoryEvent::getEventTime).containsOnly(T0.plusSeconds(5));
    }

    @Test
    void aStaleWriterFailsAndWritesNothing() {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        store.appendEvents(run.getRunId(), 2, List.of(new WorkflowExecutionSignaledAttributes("approve",
                Payload.ofArguments())));

        assertThatThrownBy(() -> store.appendEvents(run.getRunId(), 2, List.of(
                new TimerStartedAttributes("1", Duration.ofDays(3)), new TimerFiredAttributes("1"))))
                .isInstanceOfSatisfying(HistoryConflictException.class, e -> {
                    assertThat(e.getExpectedNextEventId()).isEqualTo(2);
                    assertThat(e.getActualNextEventId()).isEqualTo(3);
                })
                .hasMessageContaining("expected the next event id 2 but it is 3");
        assertThat(store.readHistory("transfer-1", null).getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled);
    }

    @Test
    void appendingToAClosedRunFailsAndWritesNothing() {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        store.appendEvents(run.getRunId(), 2, List.of(new WorkflowExecutionCompletedAttributes(Payload.of("done"))));

        assertThatThrownBy(() -> store.appendEvents(run.getRunId(), 3,
                List.of(new WorkflowExecutionSignaledAttributes("late", Payload.ofArguments()))))
                .isInstanceOf(HistoryConflictException.class)
                .hasMessageContaining("the run is closed (COMPLETED, 2 events)");
        assertThat(store.readHistory("transfer-1", null).getEvents()).hasSize(2);
    }

    @Test
    void aClosingEventClosesTheRun() throws Exception {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        clock.advance(Duration.ofMinutes(1));

        store.appendEvents(run.getRunId(), 2, List.of(new WorkflowExecutionCompletedAttributes(Payload.of("done"))));

        assertThat(database.query("SELECT status || ' ' || close_time || ' ' || next_event_id FROM hourglass_runs"))
                .containsExactly("COMPLETED " + T0.plusSeconds(60).toEpochMilli() + " 3");
    }

    @Test
    void aHistoryReadBackIsTheHistoryWrittenToTheByte() {
        WorkflowExecution run = store.startRun(start("transfer-1"));
        List<EventAttributes> events = List.of(
                new WorkflowExecutionSignaledAttributes("approve",
                        Payload.fromJson("[{\"amount\":420.00,\"note\":\"caf\\u00e9 \\ud83d\\ude00\",\"big\":12345678901234567890}]"),
                        "clerk-7"),
                new TimerStartedAttributes("hold", Duration.ofDays(3), "3-day hold"),
                new TimerFiredAttributes("hold"),
                new WorkflowExecutionCompletedAttributes(Payload.fromJson("{\"ok\":true,\"rate\":0.1}")));
        List<HistoryEvent> written = new ArrayList<>(store.readHistory("transfer-1", null).getEvents());
        written.addAll(store.appendEvents(run.getRunId(), 2, events));

        History read = store.readHistory("transfer-1", run.getRunId());

        History expected = new History("transfer-1", run.getRunId(), "MoneyTransfer", "payments", written);
        assertThat(read).isEqualTo(expected);
        assertThat(read.toJson()).isEqualTo(expected.toJson());
    }

    @Test
    void readingAnUnknownWorkflowOrRunFailsWithNotFound() {
        WorkflowExecution run = store.startRun(start("transfer-1"));

        assertThatThrownBy(() -> store.readHistory("transfer-2", null)).isInstanceOf(WorkflowNotFoundException.class);
        assertThatThrownBy(() -> store.readHistory("transfer-2", run.getRunId()))
                .isInstanceOf(WorkflowNotFoundException.class);
    }
}
