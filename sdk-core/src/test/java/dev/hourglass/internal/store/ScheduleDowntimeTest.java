package dev.hourglass.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleHandle;
import dev.hourglass.client.schedules.ScheduleInfo;
import dev.hourglass.client.schedules.ScheduleIntervalSpec;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleOverlapPolicy;
import dev.hourglass.client.schedules.SchedulePolicy;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.service.ServiceOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule on a SQLite file whose workers are all down for a while: when a worker comes back, the fire times of
 * the downtime older than the catch-up window are counted as missed, and the schedule goes on from there.
 */
class ScheduleDowntimeTest {

    @WorkflowInterface
    public interface Tick {
        @WorkflowMethod
        void tick();
    }

    public static class TickImpl implements Tick {
        @Override
        public void tick() {
        }
    }

    @TempDir
    Path directory;

    private WorkflowService service;
    private WorkerFactory factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.shutdown();
        }
        if (service != null) {
            service.close();
        }
    }

    private WorkerFactory startWorkers() {
        WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        workers.newWorker("ticks").registerWorkflowImplementationTypes(TickImpl.class);
        workers.start();
        return workers;
    }

    private long ticks() {
        return WorkflowClient.newInstance(service).listExecutions(ExecutionFilter.newBuilder()
                .setWorkflowType("Tick").build()).count();
    }

    @Test
    void fireTimesMissedWhileNoWorkerRanAreSkippedPastTheCatchupWindow() throws Exception {
        service = WorkflowService.sqlite(directory.resolve("hourglass.db"), ServiceOptions.newBuilder()
                .setSweepInterval(Duration.ofMillis(50)).build());
        factory = startWorkers();
        ScheduleHandle schedule = WorkflowClient.newInstance(service).newScheduleClient().createSchedule("ticks",
                Schedule.newBuilder()
                        .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(Tick.class)
                                .setOptions(WorkflowOptions.newBuilder().setWorkflowId("tick").setTaskQueue("ticks")
                                        .build())
                                .build())
                        .setSpec(ScheduleSpec.newBuilder()
                                .setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofSeconds(1)))).build())
                        .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.ALLOW_ALL)
                                .setCatchupWindow(Duration.ofSeconds(1)).build())
                        .build(), ScheduleOptions.getDefaultInstance());
        await().atMost(Duration.ofSeconds(20)).until(() -> ticks() >= 1);

        factory.shutdown(); // every worker down: five fire times pass unattended
        factory = null;
        long beforeDowntime = ticks();
        Thread.sleep(5_000);
        assertThat(ticks()).as("runs started while no worker ran").isEqualTo(beforeDowntime);

        factory = startWorkers();
        await().atMost(Duration.ofSeconds(20)).until(() -> schedule.describe().getInfo()
                .getNumActionsMissedCatchupWindow() >= 3);
        long afterRestart = ticks();
        await().atMost(Duration.ofSeconds(20)).until(() -> ticks() >= afterRestart + 2);

        ScheduleInfo info = schedule.describe().getInfo();
        assertThat(info.getNumActionsMissedCatchupWindow()).isBetween(3L, 7L);
        assertThat(afterRestart - beforeDowntime).as("fire times of the downtime that still ran").isLessThanOrEqualTo(2);
    }
}
