package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.StoreException;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The public factories open the durable services, which run workflows through the real client and worker. */
class WorkflowServiceFactoriesTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    public static class GreetingImpl implements Greeting {
        @Override
        public String greet(String name) {
            Workflow.sleep(Duration.ofMillis(20));
            return "hello " + name;
        }
    }

    @TempDir
    Path directory;

    @Test
    void sqliteCreatesTheFileAndRunsAWorkflowWhoseResultAServiceOpenedLaterReads() {
        Path file = directory.resolve("orders.db");
        try (WorkflowService service = WorkflowService.sqlite(file)) {
            assertThat(greet(service, "greeting-1", "ada")).isEqualTo("hello ada");
        }
        assertThat(file).exists();

        try (WorkflowService reopened = WorkflowService.sqlite(file)) {
            assertThat(WorkflowClient.newInstance(reopened).newUntypedWorkflowStub("greeting-1")
                    .getResult(String.class)).isEqualTo("hello ada");
        }
    }

    @Test
    void postgresByUrlRunsAWorkflow() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema();
                WorkflowService service = WorkflowService.postgres(database.name(), database.user(),
                        database.password())) {
            assertThat(greet(service, "greeting-2", "grace")).isEqualTo("hello grace");
        }
    }

    @Test
    void postgresByDataSourceRunsAWorkflow() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(database.name());
            dataSource.setUser(database.user());
            dataSource.setPassword(database.password());
            try (WorkflowService service = WorkflowService.postgres(dataSource,
                    ServiceOptions.newBuilder().setSweepInterval(Duration.ofMillis(200)).build())) {
                assertThat(greet(service, "greeting-3", "edsger")).isEqualTo("hello edsger");
            }
        }
    }

    @Test
    void postgresRefusesAUrlOfAnotherDatabase() {
        assertThatThrownBy(() -> WorkflowService.postgres("jdbc:sqlite:orders.db", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jdbc:sqlite:orders.db' is not a PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:postgresql://localhost:5432/hourglass");
    }

    @Test
    void postgresRefusesADataSourceOfAnotherDatabase() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + directory.resolve("other.db"));

        assertThatThrownBy(() -> WorkflowService.postgres(sqlite))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connects to SQLite, not PostgreSQL");
    }

    @Test
    void anUnreachableServerIsNamedWithoutTheParametersOfItsUrl() {
        assertThatThrownBy(() -> WorkflowService.postgres(
                "jdbc:postgresql://127.0.0.1:1/orders?password=s3cret&connectTimeout=2", "app", null))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/orders")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void sqliteRefusesAFileInADirectoryThatDoesNotExist() {
        Path file = directory.resolve("missing").resolve("orders.db");

        assertThatThrownBy(() -> WorkflowService.sqlite(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist; create it first");
        assertThat(Files.exists(file.getParent())).isFalse();
    }

    private static String greet(WorkflowService service, String workflowId, String name) {
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker("greetings").registerWorkflowImplementationTypes(GreetingImpl.class);
        factory.start();
        try {
            Greeting greeting = client.newWorkflowStub(Greeting.class,
                    WorkflowOptions.newBuilder().setTaskQueue("greetings").setWorkflowId(workflowId).build());
            return greeting.greet(name);
        } finally {
            factory.shutdown();
        }
    }
}
