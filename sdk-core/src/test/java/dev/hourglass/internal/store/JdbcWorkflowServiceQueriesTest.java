package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.ServiceClosedException;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Queries on the JDBC service on every dialect: as in memory ({@link QueriesContract}), between two services over one
 * database (two processes), and the parts of their life in the store that only it has: their order with workflow
 * tasks, leases, and the removal of their rows.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkflowServiceQueriesTest extends QueriesContract {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Payload NO_ARGS = Payload.fromJson("[]");

    @Parameter
    Dialect dialect;

    @TempDir
    Path directory;

    private TestDatabase database;
    private final List<JdbcWorkflowService> others = new ArrayList<>();

    @Override
    WorkflowServiceSpi open(SettableClock clock, ServiceOptions options) {
        if (database == null) {
            database = TestDatabase.create(dialect, directory);
        }
        // a sweeper that never runs on its own: the tests sweep when they mean to
        return new JdbcWorkflowService(database.open(clock), options, Duration.ofDays(1));
    }

    @Override
    void afterClose() throws Exception {
        try {
            others.forEach(JdbcWorkflowService::close);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** Another service over the same database, as another process would open it. */
    private JdbcWorkflowService another() {
        JdbcWorkflowService other = new JdbcWorkflowService(database.open(clock), ServiceOptions.getDefaultInstance(),
                Duration.ofDays(1));
        others.add(other);
        return other;
    }

    private JdbcWorkflowService jdbc() {
        return (JdbcWorkflowService) service;
    }

    private WorkflowExecution startCartWithoutWorker() {
        return service.startWorkflow(StartWorkflowRequest.of("cart-1", "Cart", TASK_QUEUE,
                Payload.fromJson("[\"ada\"]"), WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    /** Hands out the first workflow task and completes it with a long timer: nothing is due afterwards. */
    private void completeFirstTask() {
        WorkflowTask task = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);
        assertThat(task).isNotNull();
        assertThat(task.isQuery()).isFalse();
        service.completeWorkflowTask(task.taskToken(),
                List.of(new Command(new TimerStartedAttributes("1", Duration.ofDays(1)))));
    }

    /** Asks for the items of cart-1 on another thread, and returns once the query is in the store. */
    private CompletableFuture<Payload> queryInBackground() {
        CompletableFuture<Payload> answer = CompletableFuture.supplyAsync(
                () -> service.queryWorkflow("cart-1", null, "items", NO_ARGS));
        Awaitility.await("the query to be stored").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> queriesStored() == 1 || answer.isDone());
        return answer;
    }

    private int queriesStored() throws Exception {
        return Integer.parseInt(database.query("SELECT COUNT(*) FROM hourglass_queries").get(0));
    }

    private WorkflowTask pollQuery() {
        WorkflowTask task = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);
        assertThat(task).as("a task handed out").isNotNull();
        assertThat(task.isQuery()).as("a query").isTrue();
        return task;
    }

    // ---------------------------------------------------------------- between processes

    @Test
    void aWorkerOfAnotherServiceOverTheSameDatabaseAnswersTheQuery() {
        startWorker(another());
        Cart cart = startCart("cart-1");

        cart.add("apple");

        awaitItems(cart, List.of("apple"));
        assertThat(cart.count("apple")).isEqualTo(1);
    }

    @Test
    void aQueryAskedOfAnotherServiceOverTheSameDatabaseIsAnsweredByThisOnesWorker() throws Exception {
        startWorker(service);
        Cart cart = startCart("cart-1");
        cart.add("pear");
        awaitItems(cart, List.of("pear"));

        Payload items = another().queryWorkflow("cart-1", null, "items", NO_ARGS);

        assertThat(items.toJson()).isEqualTo("[\"pear\"]");
    }

    // ---------------------------------------------------------------- order with workflow tasks

    @Test
    void aQueryWaitsForTheWorkflowTaskThatCameDueBeforeIt() throws Exception {
        startCartWithoutWorker();
        CompletableFuture<Payload> answer = queryInBackground();

        WorkflowTask first = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);
        WorkflowTask second = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);

        assertThat(first.isQuery()).isFalse();
        assertThat(second.isQuery()).isTrue();
        assertThat(second.queryType()).isEqualTo("items");
        assertThat(second.queryArgs()).isEqualTo(NO_ARGS);
        service.respondQueryTask(second.taskToken(), Payload.fromJson("[]"), null);
        assertThat(answer.get(10, TimeUnit.SECONDS).toJson()).isEqualTo("[]");
    }

    @Test
    void aWorkflowTaskThatCameDueAfterAQueryWaitsForIt() throws Exception {
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();
        clock.advance(Duration.ofMillis(1));
        service.signalWorkflow("cart-1", null, "add", Payload.fromJson("[\"apple\"]"));

        WorkflowTask first = pollQuery();
        service.respondQueryTask(first.taskToken(), Payload.fromJson("[]"), null);

        assertThat(answer.get(10, TimeUnit.SECONDS).toJson()).isEqualTo("[]");
        WorkflowTask second = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);
        assertThat(second).isNotNull();
        assertThat(second.isQuery()).isFalse();
    }

    @Test
    void aQueryIsHandedOutWithTheHistoryOfItsRun() throws Exception {
        WorkflowExecution run = startCartWithoutWorker();
        completeFirstTask();
        service.signalWorkflow("cart-1", null, "add", Payload.fromJson("[\"apple\"]"));
        WorkflowTask signaled = service.pollWorkflowTask(TASK_QUEUE, NO_WAIT);
        CompletableFuture<Payload> answer = queryInBackground();

        WorkflowTask query = pollQuery();

        assertThat(query.history()).isEqualTo(signaled.history());
        assertThat(query.history().getRunId()).isEqualTo(run.getRunId());
        service.respondQueryTask(query.taskToken(), Payload.fromJson("[\"apple\"]"), null);
        assertThat(answer.get(10, TimeUnit.SECONDS).toJson()).isEqualTo("[\"apple\"]");
    }

    // ---------------------------------------------------------------- leases and answers

    @Test
    void aQueryIsHandedToOneWorkerAtATime() throws Exception {
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();

        WorkflowTask query = pollQuery();

        assertThat(service.pollWorkflowTask(TASK_QUEUE, NO_WAIT)).isNull();
        service.respondQueryTask(query.taskToken(), Payload.fromJson("[]"), null);
        answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aQueryWhoseWorkerDiedIsHandedOutAgainOnceItsLeaseRunsOut() throws Exception {
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();
        pollQuery(); // the worker that took it dies

        clock.advance(ServiceOptions.getDefaultInstance().getQueryTimeout().dividedBy(2));
        WorkflowTask again = pollQuery();
        service.respondQueryTask(again.taskToken(), Payload.fromJson("[\"apple\"]"), null);

        assertThat(answer.get(10, TimeUnit.SECONDS).toJson()).isEqualTo("[\"apple\"]");
    }

    @Test
    void theFirstAnswerCountsAndALaterOneIsIgnored() throws Exception {
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();
        WorkflowTask slow = pollQuery();
        clock.advance(ServiceOptions.getDefaultInstance().getQueryTimeout().dividedBy(2));
        WorkflowTask fast = pollQuery();

        service.respondQueryTask(fast.taskToken(), Payload.fromJson("[\"fast\"]"), null);
        service.respondQueryTask(slow.taskToken(), Payload.fromJson("[\"slow\"]"), null);

        assertThat(answer.get(10, TimeUnit.SECONDS).toJson()).isEqualTo("[\"fast\"]");
    }

    @Test
    void anAnsweredQueryLeavesNoRowBehind() throws Exception {
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();

        service.respondQueryTask(pollQuery().taskToken(), Payload.fromJson("[]"), null);
        answer.get(10, TimeUnit.SECONDS);

        assertThat(queriesStored()).isZero();
    }

    @Test
    void aQueryThatTimedOutLeavesNoRowBehindAndItsLateAnswerIsIgnored() throws Exception {
        service.close();
        service = open(clock, ServiceOptions.newBuilder().setQueryTimeout(Duration.ofSeconds(1)).build());
        startCartWithoutWorker();
        completeFirstTask();
        CompletableFuture<Payload> answer = queryInBackground();
        WorkflowTask query = pollQuery();

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no worker answered query 'items'");
        service.respondQueryTask(query.taskToken(), Payload.fromJson("[]"), null);

        assertThat(queriesStored()).isZero();
    }

    @Test
    void anAnswerWithATokenThatNamesNoQueryIsRefused() {
        assertThatThrownBy(() -> service.respondQueryTask("wt:1:1:2:run", Payload.fromJson("[]"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a query task token of this store");
    }

    // ---------------------------------------------------------------- clients that went away

    @Test
    void aQueryWhoseClientDiedIsNotHandedOutAndIsRemovedOnceItsTimeoutHasPassed() throws Exception {
        WorkflowExecution run = startCartWithoutWorker();
        completeFirstTask();
        long queued = T0.toEpochMilli();
        long expires = T0.plus(ServiceOptions.getDefaultInstance().getQueryTimeout()).toEpochMilli();
        database.execute("INSERT INTO hourglass_queries (run_id, task_queue, query_type, args_json, visible_at,"
                + " expires_at) VALUES ('" + run.getRunId() + "', 'carts', 'items', '[]', " + queued + ", " + expires
                + ")");

        clock.advance(ServiceOptions.getDefaultInstance().getQueryTimeout());

        assertThat(service.pollWorkflowTask(TASK_QUEUE, NO_WAIT)).isNull();
        assertThat(queriesStored()).isEqualTo(1);
        jdbc().sweepTimers();
        assertThat(queriesStored()).isZero();
    }

    @Test
    void closingTheServiceEndsTheWaitOfAQueryAndRemovesIt() throws Exception {
        startCartWithoutWorker();
        CompletableFuture<Payload> answer = queryInBackground();

        service.close();

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ServiceClosedException.class)
                .hasMessageContaining("the workflow service was closed before a worker answered the query");
        assertThat(queriesStored()).isZero();
    }
}
