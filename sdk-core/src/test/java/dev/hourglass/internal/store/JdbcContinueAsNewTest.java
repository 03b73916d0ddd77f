package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.ServicePair.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Continue-as-new in the JDBC service, on every dialect: the run closes and the next run of its workflow id starts in
 * one transaction, recorded as the in-memory service records it.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcContinueAsNewTest {

    private static final Payload NEXT_INPUT = Payload.fromJson("[\"march\"]");

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;
    private ServicePair services;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, dir);
        services = new ServicePair(database);
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (services != null) {
                services.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private static StartWorkflowRequest billing(Duration executionTimeout) {
        return StartWorkflowRequest.of("billing-1", "Billing", "billing", Payload.fromJson("[\"february\"]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, executionTimeout);
    }

    /** Starts billing-1 and continues its first run as new; returns the first run's history. */
    private History continueOnce(WorkflowExecutionContinuedAsNewAttributes command) {
        String firstRunId = services.start(billing(null)).getRunId();
        services.pollAndComplete("billing", command);
        return services.history("billing-1", firstRunId);
    }

    @Test
    void theRunClosesNamingTheNextRunWhichNamesItBackAsInMemory() {
        History first = continueOnce(new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null, null));

        History next = services.history("billing-1", null);
        WorkflowExecutionContinuedAsNewAttributes closed = first.getLastEvent()
                .getAttributes(WorkflowExecutionContinuedAsNewAttributes.class);
        assertThat(closed.newRunId()).isEqualTo(next.getRunId());
        WorkflowExecutionStartedAttributes started = next.getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(started.continuedFromRunId()).isEqualTo(first.getRunId());
        assertThat(started.input()).isEqualTo(NEXT_INPUT);
    }

    @Test
    void theStoreShowsTheFirstRunContinuedAndTheNextOneRunning() throws Exception {
        History first = continueOnce(new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null, null));

        assertThat(database.query("SELECT run_number || ' ' || status || ' ' || COALESCE(continued_from_run_id, '-')"
                + " FROM hourglass_runs ORDER BY run_number")).containsExactly("1 CONTINUED_AS_NEW -",
                "2 RUNNING " + first.getRunId());
    }

    @Test
    void theNextRunsFirstWorkflowTaskIsQueued() {
        continueOnce(new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null, null));

        ServicePair.Tasks tasks = services.poll("billing");

        assertThat(tasks).isNotNull();
        assertThat(types(tasks.jdbc().history())).containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void theNextRunTakesTheWorkflowTypeAndTaskQueueTheCommandNames() {
        continueOnce(new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, "BillingV2", "billing-v2"));

        History next = services.history("billing-1", null);

        assertThat(next.getWorkflowType()).isEqualTo("BillingV2");
        assertThat(next.getTaskQueue()).isEqualTo("billing-v2");
        assertThat(services.poll("billing-v2")).isNotNull();
    }

    @Test
    void theNextRunKeepsTheDeadlineOfTheExecutionAsInMemory() {
        services.start(billing(Duration.ofHours(1)));
        services.clock.advance(Duration.ofMinutes(10));

        services.pollAndComplete("billing", new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null,
                null));

        assertThat(services.history("billing-1", null).getEvents().get(0)
                .getAttributes(WorkflowExecutionStartedAttributes.class).workflowExecutionTimeout())
                .isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void aChainOfRunsEndsWithTheLastRunsOutcomeAsInMemory() throws Exception {
        continueOnce(new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null, null));
        services.pollAndComplete("billing", new WorkflowExecutionContinuedAsNewAttributes(null,
                Payload.fromJson("[\"april\"]"), null, null));

        services.pollAndComplete("billing", new WorkflowExecutionCompletedAttributes(Payload.of("billed")));

        assertThat(types(services.history("billing-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionCompleted);
        assertThat(database.query("SELECT status FROM hourglass_runs ORDER BY run_number")).containsExactly(
                "CONTINUED_AS_NEW", "CONTINUED_AS_NEW", "COMPLETED");
    }

    @Test
    void aResultWaitOnTheFirstRunEndsWithTheEventThatNamesTheNextRun() throws Exception {
        String firstRunId = services.start(billing(null)).getRunId();
        CompletableFuture<History> closed = services.jdbc.awaitClose("billing-1", firstRunId);

        services.pollAndComplete("billing", new WorkflowExecutionContinuedAsNewAttributes(null, NEXT_INPUT, null,
                null));

        History history = closed.get(10, TimeUnit.SECONDS);
        assertThat(history.getLastEvent().getAttributes(WorkflowExecutionContinuedAsNewAttributes.class).newRunId())
                .isEqualTo(services.history("billing-1", null).getRunId());
    }
}
