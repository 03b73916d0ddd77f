package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Result waits look at few rows whatever their number: the runs whose waits just began, the runs closed since the
 * last look (by close time), and every run only once per full-look interval, which finds a close the reads by close
 * time missed. Runs are closed by a service of their own, as by another process.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class ResultWaitsTest {

    private static final Duration NEVER = Duration.ofDays(1);

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);
    private final SettableClock otherClock = new SettableClock(T0);
    private final AtomicLong changes = new AtomicLong();
    private ServiceFixture fixture;
    private JdbcWorkflowService other;
    private JdbcStore store;

    @BeforeEach
    void open() {
        fixture = ServiceFixture.create(dialect, directory);
        other = fixture.open(otherClock, ServiceOptions.getDefaultInstance(), NEVER);
        store = fixture.database().open(clock);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aWaitForARunThatClosedBeforeItBeganCompletesAtTheNextLook() throws Exception {
        String runId = startAndClose("transfer-1");
        ResultWaits waits = waits(NEVER);
        waits.look(); // the first look reads every run waited for: none yet

        CompletableFuture<History> result = waits.await("transfer-1", runId);
        waits.look();

        assertThat(result).isCompleted();
        assertThat(result.get().getRunId()).isEqualTo(runId);
    }

    @Test
    void aRunThatClosedSinceTheLastLookIsFoundByItsCloseTime() throws Exception {
        String runId = start("transfer-1");
        ResultWaits waits = waits(NEVER);
        CompletableFuture<History> result = waits.await("transfer-1", runId);
        waits.look();
        assertThat(result).isNotDone();

        complete(runId);
        changes.incrementAndGet();
        waits.look();

        assertThat(result).as("found by the read of runs closed since the last look").isCompleted();
    }

    @Test
    void aLookReadsNothingWhenNothingChanged() throws Exception {
        String runId = start("transfer-1");
        ResultWaits waits = waits(NEVER);
        CompletableFuture<History> result = waits.await("transfer-1", runId);
        waits.look();

        complete(runId);
        waits.look();

        assertThat(result).as("no change was signaled, and the full look is a day away").isNotDone();
    }

    @Test
    void aCloseStampedBeforeTheWindowOfTheCloseTimeReadIsNotFoundByIt() throws Exception {
        otherClock.set(T0.minus(Duration.ofHours(1))); // the closing process's clock is an hour behind
        String runId = start("transfer-1");
        ResultWaits waits = waits(NEVER);
        CompletableFuture<History> result = waits.await("transfer-1", runId);
        waits.look();

        complete(runId);
        changes.incrementAndGet();
        waits.look();

        assertThat(result).isNotDone();
    }

    @Test
    void aCloseTheCloseTimeReadMissedIsFoundByTheFullLook() {
        otherClock.set(T0.minus(Duration.ofHours(1))); // the closing process's clock is an hour behind
        String runId = start("transfer-1");
        ResultWaits waits = waits(Duration.ofMillis(50));
        CompletableFuture<History> result = waits.await("transfer-1", runId);
        waits.look();

        complete(runId);

        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            waits.look();
            return result.isDone();
        });
        assertThat(result).isCompleted();
    }

    @Test
    void closingEndsTheWaitsAndRefusesNewOnes() {
        String runId = start("transfer-1");
        ResultWaits waits = waits(NEVER);
        CompletableFuture<History> waiting = waits.await("transfer-1", runId);

        waits.close();

        assertThat(waiting).isCompletedExceptionally();
        assertThat(waits.await("transfer-1", runId)).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(ServiceClosedException.class);
    }

    private ResultWaits waits(Duration fullLookInterval) {
        return new ResultWaits(store, new ServiceRecords(store.database(), store.dialect()), changes::get,
                fullLookInterval);
    }

    private String start(String workflowId) {
        return other.startWorkflow(StoreFixtures.start(workflowId)).getRunId();
    }

    private String startAndClose(String workflowId) {
        String runId = start(workflowId);
        complete(runId);
        return runId;
    }

    private void complete(String runId) {
        WorkflowTask task = other.pollWorkflowTask("payments", Duration.ZERO);
        assertThat(task.history().getRunId()).isEqualTo(runId);
        other.completeWorkflowTask(task.taskToken(),
                List.of(new Command(new WorkflowExecutionCompletedAttributes(Payload.fromJson("\"done\"")))));
    }
}
