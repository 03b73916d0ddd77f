package dev.hourglass.samples.moneytransfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of the repository's README: {@link MoneyTransfer}, {@link MoneyTransferImpl} and the
 * client call between the markers below, which the README shows verbatim.
 */
class ReadmeExampleTest {

    private static final String BEGIN = "// README example: begin";
    private static final String END = "// README example: end";

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private WorkflowService service;
    private WorkflowClient client;
    private WorkerFactory factory;

    @BeforeEach
    void startWorker() {
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("transfers");
        worker.registerWorkflowImplementationTypes(MoneyTransferImpl.class);
        worker.registerActivitiesImplementations(new Accounts() {
            @Override
            public void withdraw(String account, long cents) {
                calls.add("withdraw " + cents + " from " + account);
            }

            @Override
            public void deposit(String account, long cents) {
                calls.add("deposit " + cents + " to " + account);
            }
        });
        factory.start();
    }

    @AfterEach
    void stopWorker() {
        factory.shutdown();
        service.close();
    }

    @Test
    void readmeExampleWithdrawsThenHoldsTheMoneyForThreeDays() throws InterruptedException {
        // README example: begin
        MoneyTransfer transfer = client.newWorkflowStub(MoneyTransfer.class,
                WorkflowOptions.newBuilder().setTaskQueue("transfers").setWorkflowId("transfer-42").build());
        WorkflowClient.start(transfer::transfer, "alice", "bob", 100_00L);
        // README example: end

        HistoryEvent hold = awaitTimerStarted("transfer-42");
        assertThat(hold.getAttribute("durationMillis").asLong()).isEqualTo(Duration.ofDays(3).toMillis());
        assertThat(calls).containsExactly("withdraw 10000 from alice");
    }

    @Test
    void readmeShowsTheExampleVerbatim() throws IOException {
        String readme = read(readme());

        assertThat(readme)
                .contains(declarations("MoneyTransfer.java"))
                .contains(declarations("MoneyTransferImpl.java"))
                .contains(clientCall());
    }

    /** The source file of a README type in this package, from its first line after the imports. */
    private static String declarations(String fileName) throws IOException {
        List<String> lines = Files.readAllLines(testSources().resolve(fileName), StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("package ") || lines.get(i).startsWith("import ")
                    || lines.get(i).isBlank()) {
                start = i + 1;
            } else {
                break;
            }
        }
        return String.join("\n", lines.subList(start, lines.size())).strip();
    }

    /** The lines of this test between the README markers, with their common indentation removed. */
    private static String clientCall() throws IOException {
        List<String> lines = Files.readAllLines(testSources().resolve("ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        int begin = lines.indexOf("        " + BEGIN);
        int end = lines.indexOf("        " + END);
        assertThat(begin).as("line of the begin marker").isNotNegative();
        assertThat(end).as("line of the end marker").isGreaterThan(begin);
        return lines.subList(begin + 1, end).stream().map(line -> line.substring(Math.min(8, line.length())))
                .collect(Collectors.joining("\n"));
    }

    /** This package's test sources; tests run in the module's directory. */
    private static Path testSources() {
        return Path.of("src", "test", "java", "dev", "hourglass", "samples", "moneytransfer");
    }

    /** The README at the repository root; tests run in the module's directory. */
    private static Path readme() {
        return Path.of("..", "README.md");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private HistoryEvent awaitTimerStarted(String workflowId) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            History history = client.fetchHistory(workflowId);
            for (HistoryEvent event : history.getEvents()) {
                if (event.getEventType() == EventType.TimerStarted) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("workflow " + workflowId + " did not start its timer within 5 s: "
                + client.fetchHistory(workflowId).getEvents());
    }
}
