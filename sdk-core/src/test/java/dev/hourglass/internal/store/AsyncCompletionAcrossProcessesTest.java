package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two services opened on one SQLite file stand for two processes: an attempt awaiting its completion in one is
 * completed by the other, with the token the attempt was handed, also after the first one shut down.
 */
class AsyncCompletionAcrossProcessesTest {

    private static final String QUEUE = "approvals";
    private static final ServiceOptions OPTIONS = ServiceOptions.newBuilder()
            .setSweepInterval(Duration.ofMillis(50)).build();

    @ActivityInterface
    public interface Approvals {
        String approve(String request);
    }

    /** Hands each attempt's token to the test and leaves the attempt awaiting its completion. */
    public static class ApprovalsImpl implements Approvals {
        final BlockingQueue<byte[]> tokens = new LinkedBlockingQueue<>();

        @Override
        public String approve(String request) {
            ActivityExecutionContext context = Activity.getExecutionContext();
            tokens.add(context.getTaskToken());
            context.doNotCompleteOnReturn();
            return "ignored";
        }

        byte[] nextToken() throws InterruptedException {
            byte[] token = tokens.poll(30, TimeUnit.SECONDS);
            assertThat(token).as("the token of an attempt awaiting its completion").isNotNull();
            return token;
        }
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String run(String request);
    }

    public static class ApprovalImpl implements Approval {
        @Override
        public String run(String request) {
            return Workflow.newActivityStub(Approvals.class, ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5)).build()).approve(request);
        }
    }

    @TempDir
    Path directory;

    private final ApprovalsImpl approvals = new ApprovalsImpl();
    private WorkflowService first;
    private WorkerFactory firstWorkers;
    private WorkflowService second;
    private WorkerFactory secondWorkers;

    @AfterEach
    void closeServices() {
        for (WorkerFactory factory : new WorkerFactory[] {firstWorkers, secondWorkers}) {
            if (factory != null) {
                factory.shutdown();
            }
        }
        for (WorkflowService service : new WorkflowService[] {first, second}) {
            if (service != null) {
                service.close();
            }
        }
    }

    private WorkerFactory startWorker(WorkflowService service) {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        Worker worker = factory.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(ApprovalImpl.class);
        worker.registerActivitiesImplementations(approvals);
        factory.start();
        return factory;
    }

    private static String start(WorkflowService service, String workflowId) {
        Approval approval = WorkflowClient.newInstance(service).newWorkflowStub(Approval.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
        return WorkflowClient.start(approval::run, "order-1").getRunId();
    }

    private static String result(WorkflowService service, String workflowId) {
        WorkflowStub stub = WorkflowClient.newInstance(service).newUntypedWorkflowStub(workflowId);
        return stub.getResult(String.class);
    }

    @Test
    void aCompletionFromAnotherServiceOnTheSameFileResumesTheWorkflowItsWorkerRuns() throws Exception {
        Path file = directory.resolve("hourglass.db");
        first = WorkflowService.sqlite(file, OPTIONS);
        firstWorkers = startWorker(first);
        start(first, "approval-1");
        byte[] token = approvals.nextToken();

        second = WorkflowService.sqlite(file, OPTIONS);
        WorkflowClient.newInstance(second).newActivityCompletionClient().complete(token, "approved elsewhere");

        assertThat(result(first, "approval-1")).isEqualTo("approved elsewhere");
    }

    @Test
    void aTokenStillCompletesItsAttemptAfterTheServiceThatHandedItOutShutDown() throws Exception {
        Path file = directory.resolve("hourglass.db");
        first = WorkflowService.sqlite(file, OPTIONS);
        firstWorkers = startWorker(first);
        start(first, "approval-2");
        byte[] token = approvals.nextToken();
        firstWorkers.shutdown();
        first.close();

        second = WorkflowService.sqlite(file, OPTIONS);
        secondWorkers = startWorker(second);
        WorkflowClient.newInstance(second).newActivityCompletionClient().complete(token, "approved after a restart");

        assertThat(result(second, "approval-2")).isEqualTo("approved after a restart");
    }

    @Test
    void anActivityOfAnotherServiceIsCompletedByWorkflowIdAndActivityId() throws Exception {
        Path file = directory.resolve("hourglass.db");
        first = WorkflowService.sqlite(file, OPTIONS);
        firstWorkers = startWorker(first);
        String runId = start(first, "approval-3");
        approvals.nextToken();

        second = WorkflowService.sqlite(file, OPTIONS);
        WorkflowClient.newInstance(second).newActivityCompletionClient()
                .complete("approval-3", Optional.of(runId), "1", "approved by id elsewhere");

        assertThat(result(first, "approval-3")).isEqualTo("approved by id elsewhere");
    }
}
