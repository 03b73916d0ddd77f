package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.failure.PotentialDeadlockException;
import dev.hourglass.internal.service.InMemoryWorkflowService.WorkflowTaskFailure;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a worker with one workflow task poller, workflow code that spins fails its task with a
 * {@link PotentialDeadlockException}, the poller is let go, and other executions run on; the spinning code's
 * retries fail at once instead of piling up stuck threads.
 */
class DeadlockTest {

    static final AtomicBoolean STOP_SPINNING = new AtomicBoolean();

    @WorkflowInterface
    public interface Task {
        @WorkflowMethod
        String run(boolean spin);
    }

    public static class TaskImpl implements Task {
        @Override
        public String run(boolean spin) {
            while (spin && !STOP_SPINNING.get()) {
                Thread.onSpinWait();
            }
            return "ran";
        }
    }

    final List<WorkflowTaskFailure> failures = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(TaskImpl.class)
            .withFastWorkflowTaskRetries()
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowTaskPollers(1)
                    .setDeadlockDetectionTimeout(Duration.ofMillis(200)).build())
            .build();

    @BeforeEach
    void listenForFailedTasks() {
        STOP_SPINNING.set(false);
        env.onWorkflowTaskFailure(failures::add);
    }

    @AfterEach
    void letTheSpinnerGo() {
        STOP_SPINNING.set(true);
    }

    @Test
    void spinningCodeFailsItsTaskAndTheOnlyPollerGoesOn() {
        WorkflowClient.start(env.newWorkflowStub(Task.class, "spinner")::run, true);
        E2eEnvironment.await("the spinner's task failed twice", () -> failures.size() >= 2);

        assertThat(env.newWorkflowStub(Task.class, "healthy").run(false)).isEqualTo("ran");
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.execution().getWorkflowId()).isEqualTo("spinner");
            assertThat(failure.failure()).isInstanceOf(PotentialDeadlockException.class);
        });
        assertThat(failures.get(1).failure()).hasMessageStartingWith("The workflow code of this run is still stuck");
    }

    @Test
    void theRunResumesOnceItsCodeComesBack() {
        Task spinner = env.newWorkflowStub(Task.class, "resumed");
        WorkflowClient.start(spinner::run, true);
        E2eEnvironment.await("the task failed", () -> !failures.isEmpty());

        STOP_SPINNING.set(true);

        assertThat(env.client().newUntypedWorkflowStub("resumed").getResult(String.class)).isEqualTo("ran");
    }
}
