package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.internal.service.IdGenerator;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An idle worker does not hammer the database: with nothing to do, its pollers, its timer sweeper and its watcher
 * of changes together run a few statements per second, and none that reads a table more often than the sweep
 * interval asks.
 */
class IdleWorkerCostTest {

    @WorkflowInterface
    public interface Echo {
        @WorkflowMethod
        String echo(String text);
    }

    @ActivityInterface
    public interface Upper {
        String upper(String text);
    }

    public static class EchoImpl implements Echo {
        private final Upper upper = Workflow.newActivityStub(Upper.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String echo(String text) {
            return upper.upper(text);
        }
    }

    /** How long the idle worker is watched: long enough that its periodic work shows several times. */
    private static final Duration WATCHED = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anIdleWorkerRunsAFewStatementsPerSecond(Dialect dialect) throws Exception {
        // per sweep interval (1 s by default): one look at each of its two queues and at the two of the factory's
        // worker of schedules (task queue hourglass.schedules), one sweep of timers and one of activity deadlines
        assertIdleCost(dialect, WorkerFactoryOptions.getDefaultInstance(), 6);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anIdleWorkerThatLeavesSchedulesToOthersRunsFewerStatements(Dialect dialect) throws Exception {
        // without the worker of schedules: the looks at its two queues, and the two sweeps
        assertIdleCost(dialect, WorkerFactoryOptions.newBuilder().setRunSchedules(false).build(), 4);
    }

    private void assertIdleCost(Dialect dialect, WorkerFactoryOptions options, int perInterval) throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        try (TestDatabase database = TestDatabase.create(dialect, directory);
                JdbcWorkflowService service = new JdbcWorkflowService(JdbcStore.open(
                        () -> counting(database.connect(), statements), dialect, database.name(), Clock.systemUTC(),
                        IdGenerator.random()), ServiceOptions.getDefaultInstance())) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client, options);
            Worker worker = factory.newWorker("echo");
            worker.registerWorkflowImplementationTypes(EchoImpl.class);
            worker.registerActivitiesImplementations((Upper) text -> text.toUpperCase(Locale.ROOT));
            factory.start();
            try {
                Echo echo = client.newWorkflowStub(Echo.class,
                        WorkflowOptions.newBuilder().setTaskQueue("echo").setWorkflowId("echo-1").build());
                assertThat(echo.echo("idle")).isEqualTo("IDLE");

                statements.clear();
                Thread.sleep(WATCHED.toMillis());
                List<String> seen = List.copyOf(statements);

                // the window may hold one more interval than its length
                int intervals = (int) WATCHED.toSeconds() + 1;
                String summary = summary(seen);
                assertThat(seen.stream().filter(IdleWorkerCostTest::readsOrWritesATable).toList())
                        .as("statements on tables in %s, of:%n%s", WATCHED, summary)
                        .hasSizeLessThanOrEqualTo(perInterval * intervals + 2);
                // and on SQLite the watcher's PRAGMA data_version, 4 per second, which reads no table
                assertThat(seen).as("statements in %s, of:%n%s", WATCHED, summary)
                        .hasSizeLessThanOrEqualTo(perInterval * intervals + 2 + 4 * intervals + 4);
            } finally {
                factory.shutdown();
            }
        }
    }

    private static boolean readsOrWritesATable(String sql) {
        String start = sql.strip().toUpperCase(Locale.ROOT);
        return start.startsWith("SELECT") || start.startsWith("UPDATE") || start.startsWith("INSERT")
                || start.startsWith("DELETE");
    }

    private static String summary(List<String> statements) {
        return statements.stream().collect(Collectors.groupingBy(sql -> sql.length() > 90 ? sql.substring(0, 90) : sql,
                java.util.TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(entry -> entry.getValue() + " x " + entry.getKey()).collect(Collectors.joining("\n"));
    }

    /** A connection that records the SQL of every statement it executes (and the transactions' ends). */
    private static Connection counting(Connection connection, List<String> statements) {
        return (Connection) Proxy.newProxyInstance(IdleWorkerCostTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                        statements.add(method.getName().toUpperCase(Locale.ROOT));
                    }
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                        return countingStatement(statement, sql, statements);
                    }
                    return result;
                });
    }

    private static final ConcurrentHashMap<Class<?>, Class<?>[]> INTERFACES = new ConcurrentHashMap<>();

    private static Statement countingStatement(Statement statement, String preparedSql, List<String> statements) {
        Class<?>[] interfaces = INTERFACES.computeIfAbsent(statement.getClass(), IdleWorkerCostTest::statementTypes);
        return (Statement) Proxy.newProxyInstance(IdleWorkerCostTest.class.getClassLoader(), interfaces,
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        statements.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql
                                : String.valueOf(preparedSql));
                    }
                    return invoke(method, statement, args);
                });
    }

    private static Class<?>[] statementTypes(Class<?> type) {
        if (java.sql.CallableStatement.class.isAssignableFrom(type)) {
            return new Class<?>[] {java.sql.CallableStatement.class};
        }
        if (java.sql.PreparedStatement.class.isAssignableFrom(type)) {
            return new Class<?>[] {java.sql.PreparedStatement.class};
        }
        return new Class<?>[] {Statement.class};
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
