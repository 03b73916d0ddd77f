package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.internal.service.InMemoryWorkflowService;
import dev.hourglass.internal.service.RealTimeScheduler;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nondeterminism met by a worker fails the workflow task, not the workflow, until compatible code returns. */
class LiveNondeterminismTest {

    private static final String QUEUE = "approvals";

    private InMemoryWorkflowService service;
    private WorkflowClient client;
    private final List<InMemoryWorkflowService.WorkflowTaskFailure> taskFailures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startService() {
        service = new InMemoryWorkflowService(Clock.systemUTC(), new RealTimeScheduler(Clock.systemUTC()),
                ServiceOptions.newBuilder().setWorkflowTaskRetryInterval(Duration.ofMillis(50)).build());
        service.addWorkflowTaskFailureListener(taskFailures::add);
        client = WorkflowClient.newInstance(service);
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void incompatibleDeployFailsTheWorkflowTaskAndRedeployingTheFixResumesTheExecution() throws Exception {
        WorkerFactory deployed = deploy(Approvals.Original.class);
        WorkflowStub approval = client.newUntypedWorkflowStub("Approval",
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("loan-7").build());
        approval.start("loan 7");
        awaitTrue("loan-7 to complete its registration activity",
                () -> hasEvent(client.fetchHistory("loan-7"), EventType.ActivityTaskCompleted));
        deployed.shutdown();

        WorkerFactory incompatible = deploy(Approvals.DelayedRegistration.class);
        approval.signal("decide", "carol");
        awaitTrue("a workflow task of loan-7 to fail", () -> !taskFailures.isEmpty());
        incompatible.shutdown();

        assertThat(taskFailures).first().satisfies(report -> {
            assertThat(report.execution().getWorkflowId()).isEqualTo("loan-7");
            assertThat(report.failure()).isInstanceOf(NonDeterministicException.class)
                    .hasMessageContaining("DelayedRegistration");
        });
        History afterFailure = client.fetchHistory("loan-7");
        assertThat(afterFailure.isClosed()).isFalse();
        assertThat(afterFailure.getEvents()).noneMatch(e -> e.getEventType() == EventType.WorkflowExecutionFailed);

        WorkerFactory fixed = deploy(Approvals.Original.class);
        try {
            assertThat(approval.getResultAsync(String.class).get(10, TimeUnit.SECONDS))
                    .isEqualTo("registered loan 7, approved by carol");
        } finally {
            fixed.shutdown();
        }
    }

    private WorkerFactory deploy(Class<?> workflowImplementation) {
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(workflowImplementation);
        worker.registerActivitiesImplementations(new Approvals.DeskImpl());
        factory.start();
        return factory;
    }

    private static boolean hasEvent(History history, EventType type) {
        return history.getEvents().stream().anyMatch(event -> event.getEventType() == type);
    }

    /** Waits until {@code condition} holds; gives up only when the test must have hung. */
    private static void awaitTrue(String what, Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(condition);
    }
}
