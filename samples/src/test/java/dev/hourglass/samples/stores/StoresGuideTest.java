package dev.hourglass.samples.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.internal.store.PostgresTestDatabase;
import dev.hourglass.samples.moneytransfer.InMemoryBank;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.service.IncompatibleDatabaseException;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/stores.md, run: each store opened as the guide shows, and a transfer run on it. */
class StoresGuideTest {

    @TempDir
    Path directory;

    private final InMemoryBank bank = new InMemoryBank().openAccount("alice", 500_00).openAccount("bob", 0);

    @Test
    void aTransferOnASqliteFileIsReadBackByAServiceOpenedLater() throws Exception {
        Path file = directory.resolve("hourglass.db");
        // guide: sqlite-worker begin
        try (WorkflowService service = WorkflowService.sqlite(file)) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker("money-transfer");
            worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
            worker.registerActivitiesImplementations(bank);
            factory.start();

            MoneyTransferWorkflow transfer = client.newWorkflowStub(MoneyTransferWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue("money-transfer").setWorkflowId("transfer-42").build());
            WorkflowClient.start(transfer::transfer,
                    new TransferRequest("alice", "bob", 100_00, "transfer-42").withHold(Duration.ofSeconds(1)));
            client.newUntypedWorkflowStub("transfer-42").getResult(String.class); // waits for the transfer
            factory.shutdown();
        }
        // guide: sqlite-worker end

        String result;
        // guide: sqlite-reader begin
        try (WorkflowService service = WorkflowService.sqlite(file)) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            result = client.newUntypedWorkflowStub("transfer-42").getResult(String.class);
        }
        // guide: sqlite-reader end
        assertThat(result).contains("transfer-42");
        assertThat(bank.balances()).containsEntry("alice", 400_00L).containsEntry("bob", 100_00L);
    }

    // guide: postgres-open begin
    static WorkflowService openPayments(String jdbcUrl, String user, String password) {
        ServiceOptions options = ServiceOptions.newBuilder()
                .setWorkflowTaskTimeout(Duration.ofSeconds(5)) // a dead worker's workflow task moves on after 5 s
                .build();
        return WorkflowService.postgres(jdbcUrl, user, password, options);
    }
    // guide: postgres-open end

    @Test
    void aTransferRunsOnPostgresOpenedAsTheGuideShows() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.newSchema();
                WorkflowService service = openPayments(database.name(), database.user(), database.password())) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker("money-transfer");
            worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
            worker.registerActivitiesImplementations(bank);
            factory.start();
            try {
                MoneyTransferWorkflow transfer = client.newWorkflowStub(MoneyTransferWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue("money-transfer").setWorkflowId("transfer-7")
                                .build());
                assertThat(transfer.transfer(new TransferRequest("alice", "bob", 25_00, "transfer-7")
                        .withHold(Duration.ofMillis(200)))).contains("transfer-7");
            } finally {
                factory.shutdown();
            }
        }
        assertThat(bank.balances()).containsEntry("bob", 25_00L);
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = directory.resolve("notes.txt");
        Files.writeString(file, "not a database, but a file of notes that is long enough to have a header\n");
        byte[] before = Files.readAllBytes(file);

        IncompatibleDatabaseException refused = catchThrowableOfType(IncompatibleDatabaseException.class,
                () -> {
                    // guide: refused begin
                    try (WorkflowService service = WorkflowService.sqlite(file)) {
                        // ...
                    } catch (IncompatibleDatabaseException e) {
                        System.err.println(e.getReason() + ": " + e.getMessage());
                        throw e;
                    }
                    // guide: refused end
                });

        assertThat(refused.getReason()).isEqualTo(IncompatibleDatabaseException.Reason.NOT_A_DATABASE);
        assertThat(refused.getMessage()).contains(file.toAbsolutePath().toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(new String(before, StandardCharsets.UTF_8)).startsWith("not a database");
    }
}
