package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.internal.store.PostgresTestDatabase;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The commands on a PostgreSQL store, in a schema of the test's own on the PostgreSQL test server. */
class PostgresStoreTest {

    @Test
    void listsTheRunsOfAPostgresqlStoreNamedByItsJdbcUrl() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema()) {
            runOrders(database);

            Cli cli = Cli.run("workflows", "list", "--store", database.name(), "--user", database.user(),
                    "--password", database.password());

            assertThat(cli.err()).isEmpty();
            assertThat(cli.exitCode()).isZero();
            assertThat(cli.lines().get(0)).isEqualTo(ListCommandTest.HEADER.replace("STATUS      ", "STATUS     "));
            assertThat(ListCommandTest.workflowIds(cli)).containsExactly("pg-order-1", "pg-order-2");
            assertThat(cli.lines().get(1)).contains(" COMPLETED ");
            assertThat(cli.lines().get(2)).contains(" RUNNING ");
        }
    }

    @Test
    void listsTheRunsOfAPostgresqlStoreNamedByAPostgresqlUrlWithThePasswordFromTheEnvironment() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema()) {
            runOrders(database);
            String url = database.name().replaceFirst("^jdbc:", "");

            Cli cli = Cli.run(Map.of("HOURGLASS_STORE", url, "HOURGLASS_STORE_PASSWORD", database.password()),
                    "list", "--status", "completed", "--user", database.user());

            assertThat(cli.err()).isEmpty();
            assertThat(ListCommandTest.workflowIds(cli)).containsExactly("pg-order-1");
        }
    }

    /** pg-order-1 completed, pg-order-2 waiting for its approval. */
    private static void runOrders(PostgresTestDatabase database) throws Exception {
        try (WorkflowService service = WorkflowService.postgres(database.name(), database.user(),
                database.password())) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory workers = WorkerFactory.newInstance(client);
            Worker worker = workers.newWorker(OrdersStore.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            worker.registerActivitiesImplementations(new WarehouseImpl());
            workers.start();
            try {
                WorkflowStub completed = start(client, "pg-order-1");
                completed.signal("approve", "erin");
                completed.getResult(30, TimeUnit.SECONDS, String.class);
                OrdersStore.awaitApproval(start(client, "pg-order-2"));
            } finally {
                workers.shutdown();
            }
        }
    }

    private static WorkflowStub start(WorkflowClient client, String workflowId) {
        WorkflowStub stub = client.newUntypedWorkflowStub("OrderWorkflow", WorkflowOptions.newBuilder()
                .setTaskQueue(OrdersStore.TASK_QUEUE).setWorkflowId(workflowId).build());
        stub.start("book");
        return stub;
    }
}
