package dev.hourglass.internal.store;

import static dev.hourglass.internal.store.StoreFixtures.T0;
import static dev.hourglass.internal.store.StoreFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.internal.store.StoreFixtures.SettableClock;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection lost in the middle of a transaction writes nothing of it: the call fails with a {@link StoreException},
 * the workflow task stays leased and is handed out again once its lease ran out, and the store goes on with new
 * connections. On PostgreSQL the server really ends the connection ({@code pg_terminate_backend}); on SQLite the
 * connection is closed in the middle of the transaction.
 */
class LostConnectionTest {

    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    private final SettableClock clock = new SettableClock(T0);

    /** When set, the next statement that appends history events loses its connection first. */
    private final AtomicBoolean loseNextAppend = new AtomicBoolean();

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTaskCompletionWhoseConnectionIsLostWritesNothingAndTheTaskIsHandedOutAgain(Dialect dialect)
            throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService service = open(database)) {
            service.startWorkflow(start("transfer-1"));
            WorkflowTask first = service.pollWorkflowTask("payments", Duration.ZERO);

            loseNextAppend.set(true);
            assertThatThrownBy(() -> service.completeWorkflowTask(first.taskToken(),
                    List.of(new Command(new TimerStartedAttributes("hold", Duration.ofDays(3))))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("complete a workflow task of run");

            assertThat(types(service, "transfer-1")).containsExactly(EventType.WorkflowExecutionStarted);
            assertThat(database.query("SELECT COUNT(*) FROM hourglass_timers")).containsExactly("0");
            assertThat(service.pollWorkflowTask("payments", Duration.ZERO)).as("still leased").isNull();

            clock.advance(TASK_TIMEOUT.plusMillis(1));
            WorkflowTask again = service.pollWorkflowTask("payments", Duration.ZERO);
            assertThat(again).as("handed out again after its lease").isNotNull();
            service.completeWorkflowTask(again.taskToken(), List.of(new Command(
                    new WorkflowExecutionCompletedAttributes(Payload.fromJson("\"done\"")))));
            assertThat(types(service, "transfer-1")).containsExactly(EventType.WorkflowExecutionStarted,
                    EventType.WorkflowExecutionCompleted);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aSignalWhoseConnectionIsLostIsNotRecordedAndCanBeSentAgain(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService service = open(database)) {
            service.startWorkflow(start("transfer-1"));

            loseNextAppend.set(true);
            assertThatThrownBy(() -> service.signalWorkflow("transfer-1", null, "approve",
                    Payload.fromJson("[\"ada\"]"), null)).isInstanceOf(StoreException.class);
            assertThat(types(service, "transfer-1")).containsExactly(EventType.WorkflowExecutionStarted);

            service.signalWorkflow("transfer-1", null, "approve", Payload.fromJson("[\"ada\"]"), null);
            assertThat(types(service, "transfer-1")).containsExactly(EventType.WorkflowExecutionStarted,
                    EventType.WorkflowExecutionSignaled);
        }
    }

    private JdbcWorkflowService open(TestDatabase database) {
        JdbcStore store = JdbcStore.open(() -> losable(database.connect(), database.dialect()), database.dialect(),
                database.name(), clock, IdGenerator.seeded(42));
        return new JdbcWorkflowService(store, ServiceOptions.newBuilder().setWorkflowTaskTimeout(TASK_TIMEOUT)
                .build(), Duration.ofMinutes(5));
    }

    private static List<EventType> types(JdbcWorkflowService service, String workflowId) {
        return service.getHistory(workflowId, null).getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    /**
     * A connection that loses itself just before an append of history events runs, when told to. The check is in
     * the statement, not in its preparation: the store keeps its prepared statements.
     */
    private Connection losable(Connection connection, Dialect dialect) {
        return (Connection) Proxy.newProxyInstance(LostConnectionTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.startsWith("INSERT INTO hourglass_history_events")) {
                        return losable((PreparedStatement) result, connection, dialect);
                    }
                    return result;
                });
    }

    private PreparedStatement losable(PreparedStatement statement, Connection connection, Dialect dialect) {
        return (PreparedStatement) Proxy.newProxyInstance(LostConnectionTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && loseNextAppend.compareAndSet(true, false)) {
                        lose(connection, dialect);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void lose(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            // the server ends this connection's session, in the middle of its transaction
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            } catch (SQLException expected) {
                return; // the driver reports the end of the session
            }
            throw new IllegalStateException("the server did not end the session");
        }
        connection.close(); // SQLite: the open transaction ends with the connection, unwritten
    }
}
