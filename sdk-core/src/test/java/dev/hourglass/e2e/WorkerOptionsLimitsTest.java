package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits of {@link WorkerOptions} on a worker polling a real-time service. */
class WorkerOptionsLimitsTest {

    private static final String QUEUE = "limited";

    @ActivityInterface
    public interface Work {
        void work(int item);
    }

    /** Records how many attempts run at once and when each starts. */
    public static class MeasuredWork implements Work {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<Long> startNanos = new CopyOnWriteArrayList<>();

        @Override
        public void work(int item) {
            startNanos.add(System.nanoTime());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            E2eEnvironment.pause(Duration.ofMillis(40));
            running.decrementAndGet();
        }
    }

    @WorkflowInterface
    public interface FanOut {
        @WorkflowMethod
        void fanOut(int items);
    }

    public static class FanOutImpl implements FanOut {
        private final Work work = Workflow.newActivityStub(Work.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

        @Override
        public void fanOut(int items) {
            List<Promise<Void>> all = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                all.add(Workflow.async(work::work, i));
            }
            Promise.allOf(all).get();
        }
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkflowClient client = WorkflowClient.newInstance(service);
    private final WorkerFactory factory = WorkerFactory.newInstance(client);
    private final MeasuredWork work = new MeasuredWork();

    @AfterEach
    void tearDown() {
        factory.shutdown();
        service.close();
    }

    private void runFanOut(WorkerOptions options, int items) {
        Worker worker = factory.newWorker(QUEUE, options);
        worker.registerWorkflowImplementationTypes(FanOutImpl.class);
        worker.registerActivitiesImplementations(work);
        factory.start();
        client.newWorkflowStub(FanOut.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
                .setWorkflowId("fan-out").build()).fanOut(items);
    }

    @Test
    void noMoreActivitiesRunAtOnceThanTheWorkerAllows() {
        runFanOut(WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(2).build(), 6);

        assertThat(work.startNanos).hasSize(6);
        assertThat(work.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void activityStartsAreSpacedByTheWorkersRateLimit() {
        runFanOut(WorkerOptions.newBuilder().setMaxWorkerActivitiesPerSecond(20).build(), 5);

        List<Long> starts = new ArrayList<>(work.startNanos);
        starts.sort(null);
        // 5 starts at most 20 per second: 4 intervals of 50 ms between the first and the last (less a margin for
        // the hand-off to the activity thread); without the limit they start within a few milliseconds
        assertThat(Duration.ofNanos(starts.get(4) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
