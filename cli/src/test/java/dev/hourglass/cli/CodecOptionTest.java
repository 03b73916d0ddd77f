package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.History;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --codec} of {@code show} and {@code export} decodes the payloads that a payload codec encoded; without it they
 * show as encoded.
 */
class CodecOptionTest {

    static Path directory;
    static String store;

    @BeforeAll
    static void runAnOrderWithEncryptedPayloads() throws IOException {
        directory = Files.createTempDirectory("hourglass-cli-codec-test");
        store = "sqlite:" + directory.resolve("orders.db");
        try (WorkflowService service = WorkflowService.sqlite(directory.resolve("orders.db"))) {
            WorkflowClient client = WorkflowClient.newInstance(service,
                    WorkflowClientOptions.newBuilder().setPayloadCodecs(new TestKeyCodec()).build());
            WorkerFactory workers = WorkerFactory.newInstance(client);
            Worker worker = workers.newWorker(OrdersStore.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            worker.registerActivitiesImplementations(new WarehouseImpl());
            workers.start();
            try {
                WorkflowStub order = client.newUntypedWorkflowStub("OrderWorkflow", WorkflowOptions.newBuilder()
                        .setTaskQueue(OrdersStore.TASK_QUEUE).setWorkflowId("secret-order").build());
                order.start("diamond");
                order.signal("approve", "alice");
                order.getResult(String.class);
            } finally {
                workers.shutdown();
            }
        }
    }

    @AfterAll
    static void deleteTheStore() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void showWithTheCodecPrintsTheDecodedValues() {
        Cli cli = Cli.run("show", "secret-order", "--store", store, "--codec", TestKeyCodec.class.getName());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("WorkflowExecutionStarted    input=[\"diamond\"]",
                "signalName=approve input=[\"alice\"]");
    }

    @Test
    void showWithoutTheCodecNamesTheCodecsInsteadOfTheValues() {
        Cli cli = Cli.run("show", "secret-order", "--store", store);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("WorkflowExecutionStarted    input=[<encoded with aes-gcm(cli-test)>]")
                .doesNotContain("diamond", "alice");
    }

    @Test
    void showJsonWithTheCodecPrintsAHistoryOfDecodedValues() {
        Cli cli = Cli.run("show", "secret-order", "--json", "--store", store, "--codec", TestKeyCodec.class.getName());

        History shown = History.fromJson(cli.out());
        assertThat(shown.getEvents().get(0).toString()).contains("input=[\"diamond\"]");
    }

    @Test
    void exportWithTheCodecWritesDecodedHistoriesAndWithoutItEncodedOnes() throws IOException {
        Path decoded = directory.resolve("decoded");
        Path encoded = directory.resolve("encoded");

        Cli.run("export", "--out", decoded.toString(), "--store", store, "--codec", TestKeyCodec.class.getName());
        Cli.run("export", "--out", encoded.toString(), "--store", store);

        assertThat(Files.readString(onlyFile(decoded))).contains("\"diamond\"");
        assertThat(Files.readString(onlyFile(encoded))).doesNotContain("diamond").contains("aes-gcm(cli-test)");
    }

    private static Path onlyFile(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.reduce((a, b) -> {
                throw new AssertionError("more than one file in " + directory);
            }).orElseThrow();
        }
    }

    @Test
    void codecWithAnotherKeyFailsNamingTheCodecAndTheRun() {
        Cli cli = Cli.run("show", "secret-order", "--store", store, "--codec", WrongKeyCodec.class.getName());

        assertThat(cli.exitCode()).isEqualTo(HourglassCli.FAILED);
        assertThat(cli.err()).contains("cannot decode a payload of secret-order (run ", "with the codec"
                + " aes-gcm(cli-test)", "the key given for id 'cli-test' is not the key it was encrypted with");
    }

    @Test
    void codecThatIsNotAPayloadCodecIsAUsageError() {
        Cli cli = Cli.run("show", "secret-order", "--store", store, "--codec", String.class.getName());

        assertThat(cli.exitCode()).isEqualTo(HourglassCli.USAGE);
        assertThat(cli.err()).contains("--codec java.lang.String: the class does not implement"
                + " dev.hourglass.common.PayloadCodec");
    }

    @Test
    void codecNotOnTheClassPathIsAUsageErrorThatSaysHowToAddIt() {
        Cli cli = Cli.run("show", "secret-order", "--store", store, "--codec", "com.example.MissingCodec");

        assertThat(cli.exitCode()).isEqualTo(HourglassCli.USAGE);
        assertThat(cli.err()).contains("--codec com.example.MissingCodec: no such class on the class path");
    }
}
