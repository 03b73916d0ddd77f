package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.ServicePair.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.service.ServiceOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * History limits in the JDBC service, on every dialect: a run whose history grows past a limit is terminated with the
 * event the in-memory service records, at the same point, and one that reaches a warning threshold is marked warned.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcHistoryLimitsTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;
    private ServicePair services;

    private void open(HistoryLimits limits) {
        database = TestDatabase.create(dialect, dir);
        services = new ServicePair(database, ServiceOptions.newBuilder().setHistoryLimits(limits).build());
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

    private static HistoryLimits eventCountLimit(int limit) {
        return HistoryLimits.newBuilder().setEventCountWarning(limit - 1).setEventCountLimit(limit).build();
    }

    private static StartWorkflowRequest chat(Payload input) {
        return StartWorkflowRequest.of("chat-1", "Chat", "chats", input, WorkflowIdReusePolicy.ALLOW_DUPLICATE,
                null);
    }

    private static MarkerRecordedAttributes marker(String id) {
        return new MarkerRecordedAttributes("SideEffect", id, Payload.of(id));
    }

    @Test
    void signalsThatGrowTheHistoryPastTheLimitTerminateTheRunAsInMemory() {
        open(eventCountLimit(3));
        services.start(chat(Payload.fromJson("[]")));
        services.pollAndComplete("chats");

        services.signal("chat-1", "message");
        services.signal("chat-1", "message");
        services.signal("chat-1", "message");

        History history = services.history("chat-1", null);
        assertThat(types(history)).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionSignaled,
                EventType.WorkflowExecutionSignaled, EventType.WorkflowExecutionTerminated);
        assertThat(history.getLastEvent().getAttributes(WorkflowExecutionTerminatedAttributes.class).reason())
                .startsWith("the history grew to 4 events and ");
    }

    @Test
    void aCompletedTaskWhoseCommandsPassTheLimitTerminatesTheRunAsInMemory() {
        open(eventCountLimit(3));
        services.start(chat(Payload.fromJson("[]")));

        services.pollAndComplete("chats", marker("1"), marker("2"), marker("3"));

        assertThat(types(services.history("chat-1", null))).endsWith(EventType.MarkerRecorded,
                EventType.WorkflowExecutionTerminated);
        assertThat(services.poll("chats")).isNull();
    }

    @Test
    void aRunWhoseFirstEventIsPastTheSizeLimitIsTerminatedAtOnceAsInMemory() {
        open(HistoryLimits.newBuilder().setSizeWarning(400).setSizeLimit(500).build());

        services.start(chat(Payload.fromJson("[\"" + "x".repeat(600) + "\"]")));

        assertThat(types(services.history("chat-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.WorkflowExecutionTerminated);
        assertThat(services.poll("chats")).isNull();
    }

    @Test
    void aChildTerminatedByTheLimitsFailsInItsParentAsInMemory() {
        open(eventCountLimit(4));
        services.start(StartWorkflowRequest.of("team-1", "Team", "teams", Payload.fromJson("[]"),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        services.pollAndComplete("teams", new StartChildWorkflowExecutionInitiatedAttributes("1", "chat-1", "Chat",
                "chats", Payload.fromJson("[]"), null, null));

        services.pollAndComplete("chats", marker("1"), marker("2"), marker("3"), marker("4"));

        History parent = services.histories("team-1", "chat-1").get(0);
        assertThat(types(parent)).endsWith(EventType.ChildWorkflowExecutionStarted,
                EventType.ChildWorkflowExecutionFailed);
    }

    @Test
    void aRunThatReachesTheWarningThresholdIsMarkedWarnedAndStaysOpen() throws Exception {
        open(HistoryLimits.newBuilder().setEventCountWarning(2).setEventCountLimit(100).build());
        services.start(chat(Payload.fromJson("[]")));
        assertThat(database.query("SELECT history_warned FROM hourglass_runs")).containsExactly(falseValue());

        services.pollAndComplete("chats", marker("1"));

        assertThat(database.query("SELECT history_warned FROM hourglass_runs")).containsExactly(trueValue());
        assertThat(types(services.history("chat-1", null))).containsExactly(EventType.WorkflowExecutionStarted,
                EventType.MarkerRecorded);
    }

    private String trueValue() {
        return dialect == Dialect.SQLITE ? "1" : "t";
    }

    private String falseValue() {
        return dialect == Dialect.SQLITE ? "0" : "f";
    }
}
