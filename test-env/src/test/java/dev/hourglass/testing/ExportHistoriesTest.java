package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportHistoriesTest {

    private static final String QUEUE = "export";

    @TempDir
    Path directory;

    private TestWorkflowEnvironment env;

    @BeforeEach
    void startEnvironment() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(7).build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(MoneyTransfer.TransferImpl.class);
        worker.registerActivitiesImplementations(new MoneyTransfer.FakeAccounts());
        env.start();
    }

    @AfterEach
    void closeEnvironment() {
        env.close();
    }

    private MoneyTransfer.Transfer transfer(String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(MoneyTransfer.Transfer.class,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
    }

    @Test
    void writesOneFileNamedByWorkflowIdAndRunIdPerExecutionInWorkflowIdOrder() {
        transfer("transfer-b").transfer("alice", "bob", 10);
        transfer("transfer-a").transfer("alice", "bob", 20);
        WorkflowClient client = env.getWorkflowClient();

        List<Path> files = env.exportHistories(directory);

        assertThat(files).containsExactly(
                directory.resolve("transfer-a_" + client.fetchHistory("transfer-a").getRunId() + ".json"),
                directory.resolve("transfer-b_" + client.fetchHistory("transfer-b").getRunId() + ".json"));
    }

    @Test
    void writesEachHistoryAsHistoryWriteDoes() throws IOException {
        transfer("transfer-1").transfer("alice", "bob", 10);
        Path expected = directory.resolve("expected.txt");
        env.getWorkflowClient().fetchHistory("transfer-1").write(expected);

        Path file = env.exportHistories(directory.resolve("export")).get(0);

        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(expected));
    }

    @Test
    void writesOpenExecutionsAsFarAsTheyHaveGot() {
        WorkflowClient.start(transfer("transfer-open")::transfer, "alice", "bob", 10L);
        env.sleep(Duration.ofHours(1));

        History exported = History.read(env.exportHistories(directory).get(0));

        assertThat(exported.isClosed()).isFalse();
        assertThat(exported).isEqualTo(env.getWorkflowClient().fetchHistory("transfer-open"));
    }

    @Test
    void createsTheDirectoryWhenItDoesNotExist() {
        transfer("transfer-1").transfer("alice", "bob", 10);
        Path nested = directory.resolve("a").resolve("b");

        List<Path> files = env.exportHistories(nested);

        assertThat(files).singleElement().satisfies(file -> assertThat(file).exists().hasParent(nested));
    }

    @Test
    void escapesCharactersOfTheWorkflowIdThatAreUnsafeInAFileName() {
        transfer("order/7 ü").transfer("alice", "bob", 10);

        Path file = env.exportHistories(directory).get(0);

        assertThat(file.getFileName().toString()).startsWith("order%2F7%20%C3%BC_");
        assertThat(History.read(file).getWorkflowId()).isEqualTo("order/7 ü");
    }

    @Test
    void writesNothingWhenNoExecutionRan() {
        assertThat(env.exportHistories(directory)).isEmpty();
    }

    @Test
    void namesTheDirectoryWhenItCannotBeCreated() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "");

        assertThatThrownBy(() -> env.exportHistories(file.resolve("histories")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.resolve("histories").toString());
    }
}
