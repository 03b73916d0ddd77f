package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.client.ActivityCompletionException;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.ActivityWorkerShutdownException;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A heartbeat of an attempt whose worker is shutting down tells the activity so. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ActivityWorkerShutdownTest {

    @ActivityInterface
    public interface Archive {
        String archive();
    }

    static final CountDownLatch HEARTBEATING = new CountDownLatch(1);
    static final CompletableFuture<Throwable> STOPPED_BY = new CompletableFuture<>();

    public static class ArchiveImpl implements Archive {
        @Override
        public String archive() {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < giveUp) {
                try {
                    Activity.getExecutionContext().heartbeat(null);
                } catch (ActivityCompletionException e) {
                    STOPPED_BY.complete(e);
                    throw e;
                }
                HEARTBEATING.countDown();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            return "never stopped";
        }
    }

    @WorkflowInterface
    public interface Archiving {
        @WorkflowMethod
        String run();
    }

    public static class ArchivingImpl implements Archiving {
        @Override
        public String run() {
            return Workflow.newActivityStub(Archive.class, ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1)).build()).archive();
        }
    }

    @Test
    void aHeartbeatDuringWorkerShutdownThrowsActivityWorkerShutdownException() throws Exception {
        try (WorkflowService service = WorkflowService.inMemory()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker("archives");
            worker.registerWorkflowImplementationTypes(ArchivingImpl.class);
            worker.registerActivitiesImplementations(new ArchiveImpl());
            factory.start();
            Archiving archiving = client.newWorkflowStub(Archiving.class,
                    WorkflowOptions.newBuilder().setTaskQueue("archives").setWorkflowId("archive-1").build());
            WorkflowClient.start(archiving::run);
            assertThat(HEARTBEATING.await(20, TimeUnit.SECONDS)).as("the activity heartbeats").isTrue();

            factory.shutdown();

            assertThat(STOPPED_BY.get(20, TimeUnit.SECONDS)).isInstanceOf(ActivityWorkerShutdownException.class)
                    .hasMessageContaining("the worker is shutting down");
        }
    }
}
