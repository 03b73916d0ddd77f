package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worker on the JDBC service goes on from the execution it cached, task after task, instead of replaying the run
 * from its start for each one, on every dialect.
 */
@ParameterizedClass
@EnumSource(Dialect.class)
class JdbcWorkerCacheEndToEndTest {

    /** How many times each workflow id's code began to run, from its first line. */
    static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();

    @WorkflowInterface
    public interface Steps {
        @WorkflowMethod
        int walk(int steps);
    }

    /** Takes a timer per step: one workflow task per step. */
    public static class StepsImpl implements Steps {
        @Override
        public int walk(int steps) {
            STARTS.computeIfAbsent(Workflow.getInfo().getWorkflowId(), id -> new AtomicInteger()).incrementAndGet();
            for (int i = 0; i < steps; i++) {
                Workflow.sleep(Duration.ofMillis(5));
            }
            return steps;
        }
    }

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(dialect, dir);
        STARTS.clear();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRunOfManyTasksIsExecutedOnceByAWorkerThatCachedIt() {
        try (JdbcWorkflowService service = new JdbcWorkflowService(database.open(Clock.systemUTC()),
                ServiceOptions.getDefaultInstance(), Duration.ofMillis(20))) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            factory.newWorker("steps").registerWorkflowImplementationTypes(StepsImpl.class);
            factory.start();
            try {
                Steps steps = client.newWorkflowStub(Steps.class, WorkflowOptions.newBuilder().setTaskQueue("steps")
                        .setWorkflowId("steps-1").build());

                assertThat(steps.walk(5)).isEqualTo(5);
            } finally {
                factory.shutdown();
            }
        }

        assertThat(STARTS.get("steps-1")).as("times the code ran from its first line, over 6 workflow tasks")
                .hasValue(1);
    }
}
