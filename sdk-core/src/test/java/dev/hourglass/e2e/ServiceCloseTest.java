package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing the in-memory service lets go of the calls that wait on it; a closed service takes no more work. */
class ServiceCloseTest {

    private static final String QUEUE = "service-close";

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String awaitApproval();

        @SignalMethod
        void approve();

        @QueryMethod
        boolean approved();
    }

    public static class ApprovalImpl implements Approval {
        private boolean approved;

        @Override
        public String awaitApproval() {
            Workflow.await(() -> approved);
            return "approved";
        }

        @Override
        public void approve() {
            approved = true;
        }

        @Override
        public boolean approved() {
            return approved;
        }
    }

    private WorkflowService service;
    private WorkflowClient client;
    private WorkerFactory factory;

    @BeforeEach
    void start() {
        service = WorkflowService.inMemory();
        client = WorkflowClient.newInstance(service);
        factory = WorkerFactory.newInstance(client);
        factory.newWorker(QUEUE).registerWorkflowImplementationTypes(ApprovalImpl.class);
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdown();
        service.close();
    }

    private Approval approval(String workflowId) {
        return client.newWorkflowStub(Approval.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    @Test
    void aResultWaitedForWhenTheServiceClosesFailsSayingSo() {
        WorkflowClient.start(approval("approval-1")::awaitApproval);
        CompletableFuture<String> result = client.newUntypedWorkflowStub("approval-1").getResultAsync(String.class);

        service.close();

        assertThat(result).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause()
                .isInstanceOf(IllegalStateException.class)
                .withMessageContaining("the workflow service was closed while this call waited for the workflow");
    }

    @Test
    void aClosedServiceTakesNoStartsSignalsQueriesOrWorkers() {
        Approval open = approval("approval-2");
        WorkflowClient.start(open::awaitApproval);
        service.close();

        assertThatThrownBy(() -> WorkflowClient.start(approval("approval-3")::awaitApproval))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot start workflow approval-3: the workflow service is closed");
        assertThatThrownBy(open::approve).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot signal approve to workflow approval-2: the workflow service is closed");
        assertThatThrownBy(open::approved).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot query approved of workflow approval-2: the workflow service is closed");
        assertThatThrownBy(() -> factory.newWorker("later")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the workflow service of this factory's client is closed");
    }

    @Test
    void theWorkersPollersStopWhenTheServiceCloses() {
        service.close();

        await("the pollers of " + QUEUE + " to stop").until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().contains("poller-" + QUEUE)));
    }
}
