package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.ServicePair.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionTimedOutAttributes;
import dev.hourglass.internal.service.ChildOutcomes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Workflow execution timeouts in the JDBC service, on every dialect: the sweeper closes a run past its execution's
 * deadline with {@code WorkflowExecutionTimedOut}, as the in-memory service does at the deadline, and tells its
 * parent.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcExecutionTimeoutsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;
    private ServicePair services;
    private JdbcWorkflowService service;

    @BeforeEach
    void open() {
        database = TestDatabase.create(dialect, dir);
        services = new ServicePair(database);
        service = services.jdbc;
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

    private static StartWorkflowRequest report(Duration executionTimeout) {
        return StartWorkflowRequest.of("report-1", "Report", "reports", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, executionTimeout);
    }

    @Test
    void aRunPastItsDeadlineTimesOutAtTheNextSweep() throws Exception {
        service.startWorkflow(report(TIMEOUT));
        services.clock.advance(TIMEOUT);

        services.sweep();

        assertThat(types(service.getHistory("report-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTimedOut);
        assertThat(database.query("SELECT status FROM hourglass_runs")).containsExactly("TIMED_OUT");
    }

    @Test
    void aRunBeforeItsDeadlineStaysOpen() {
        service.startWorkflow(report(TIMEOUT));
        services.clock.advance(TIMEOUT.minusMillis(1));

        services.sweep();

        assertThat(types(service.getHistory("report-1", null))).containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aRunWithoutATimeoutNeverTimesOut() {
        service.startWorkflow(report(null));
        services.clock.advance(Duration.ofDays(3650));

        services.sweep();

        assertThat(types(service.getHistory("report-1", null))).containsExactly(EventType.WorkflowExecutionStarted);
    }

    @Test
    void aTimedOutRunLeavesNoTaskAndNoTimer() throws Exception {
        service.startWorkflow(report(TIMEOUT));
        WorkflowTask task = service.pollWorkflowTask("reports", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(),
                List.of(new Command(new TimerStartedAttributes("t1", Duration.ofHours(2)))));
        services.clock.advance(TIMEOUT);

        services.sweep();

        assertThat(database.query("SELECT COUNT(*) FROM hourglass_timers")).containsExactly("0");
        assertThat(database.query("SELECT COUNT(*) FROM hourglass_workflow_tasks")).containsExactly("0");
    }

    @Test
    void aTaskThatRanWhenTheRunTimedOutCompletesNothing() {
        service.startWorkflow(report(TIMEOUT));
        WorkflowTask task = service.pollWorkflowTask("reports", Duration.ZERO);
        services.clock.advance(TIMEOUT);
        services.sweep();

        service.completeWorkflowTask(task.taskToken(),
                List.of(new Command(new TimerStartedAttributes("t1", Duration.ofHours(2)))));

        assertThat(types(service.getHistory("report-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTimedOut);
    }

    @Test
    void aContinuedRunTimesOutAtTheDeadlineOfTheWholeExecution() {
        service.startWorkflow(report(TIMEOUT));
        services.clock.advance(Duration.ofMinutes(20));
        WorkflowTask task = service.pollWorkflowTask("reports", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(
                new WorkflowExecutionContinuedAsNewAttributes(null, Payload.fromJson("[]"), null, null))));

        services.clock.advance(Duration.ofMinutes(10));
        services.sweep();

        assertThat(types(service.getHistory("report-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTimedOut);
    }

    @Test
    void aTimedOutChildFailsInItsParentWithTheTimeoutFailureOfMemory() {
        service.startWorkflow(StartWorkflowRequest.of("order-1", "Order", "orders", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        WorkflowTask task = service.pollWorkflowTask("orders", Duration.ZERO);
        service.completeWorkflowTask(task.taskToken(), List.of(new Command(
                new StartChildWorkflowExecutionInitiatedAttributes("1", "report-1", "Report", "reports",
                        Payload.fromJson("[]"), TIMEOUT, null))));
        String childRunId = service.getHistory("report-1", null).getRunId();
        services.clock.advance(TIMEOUT);

        services.sweep();

        History parent = service.getHistory("order-1", null);
        assertThat(parent.getLastEvent().getAttributes()).isEqualTo(
                ChildOutcomes.closed("1", childRunId, new WorkflowExecutionTimedOutAttributes()));
        assertThat(types(parent)).endsWith(EventType.ChildWorkflowExecutionStarted,
                EventType.ChildWorkflowExecutionFailed);
    }
}
