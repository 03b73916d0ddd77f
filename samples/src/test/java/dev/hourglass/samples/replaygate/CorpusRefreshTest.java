package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.samples.moneytransfer.InMemoryBank;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflow;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.moneytransfer.TransferRequest;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories fetched from a running service, by workflow id, make a corpus that the gate reads. */
class CorpusRefreshTest {

    private WorkflowService service;
    private WorkerFactory factory;
    private WorkflowClient client;

    @BeforeEach
    void startServiceAndWorker() {
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("transfers");
        worker.registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class);
        worker.registerActivitiesImplementations(new InMemoryBank().openAccount("alice", 500_00).openAccount("bob", 0));
        factory.start();
    }

    @AfterEach
    void stopServiceAndWorker() {
        factory.shutdown();
        service.close();
    }

    @Test
    void historiesFetchedByWorkflowIdReplayInTheGateWithTheirOpenExecutions(@TempDir Path corpus) {
        for (String id : List.of("transfer-1", "transfer-2")) {
            WorkflowClient.start(client.newWorkflowStub(MoneyTransferWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("transfers").build())::transfer,
                    new TransferRequest("alice", "bob", 10_00, id).withHold(Duration.ofDays(1)));
            await().until(() -> client.fetchHistory(id).getLastEvent().getEventType() == EventType.TimerStarted);
        }
        List<String> workflowIds = List.of("transfer-1", "transfer-2");

        // guide: fetch-histories begin
        for (String workflowId : workflowIds) {
            History history = client.fetchHistory(workflowId);
            history.write(corpus.resolve(workflowId + "_" + history.getRunId() + ".json"));
        }
        // guide: fetch-histories end
        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class)
                .addHistories(corpus)
                .build()
                .run();

        assertThat(report.getResults()).extracting(ReplayResult::getWorkflowId, ReplayResult::isOpen,
                        ReplayResult::getStatus)
                .containsExactly(
                        tuple("transfer-1", true, ReplayResult.Status.COMPATIBLE),
                        tuple("transfer-2", true, ReplayResult.Status.COMPATIBLE));
    }
}
