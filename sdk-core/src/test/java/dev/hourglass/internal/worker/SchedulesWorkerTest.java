package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hourglass.client.ExecutionFilter;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.schedules.Schedule;
import dev.hourglass.client.schedules.ScheduleActionStartWorkflow;
import dev.hourglass.client.schedules.ScheduleIntervalSpec;
import dev.hourglass.client.schedules.ScheduleOptions;
import dev.hourglass.client.schedules.ScheduleSpec;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptorBase;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The internal worker that runs schedules: every factory has it unless told otherwise, and the user's interceptors
 * do not see the schedules' own workflow and activities.
 */
class SchedulesWorkerTest {

    @WorkflowInterface
    public interface Ping {
        @WorkflowMethod
        void ping();
    }

    public static class PingImpl implements Ping {
        @Override
        public void ping() {
        }
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkflowClient client = WorkflowClient.newInstance(service);
    private final Set<String> interceptedTypes = ConcurrentHashMap.newKeySet();
    private final WorkerInterceptor typeRecorder = new WorkerInterceptor() {
        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public WorkflowOutput execute(WorkflowInput input) {
                    interceptedTypes.add(Workflow.getInfo().getWorkflowType());
                    return super.execute(input);
                }
            };
        }
    };

    @AfterEach
    void close() {
        service.close();
    }

    private WorkerFactory startFactory(WorkerFactoryOptions options) {
        WorkerFactory factory = WorkerFactory.newInstance(client, options);
        factory.newWorker("pings").registerWorkflowImplementationTypes(PingImpl.class);
        factory.start();
        return factory;
    }

    private void schedulePingsEvery(Duration every) {
        client.newScheduleClient().createSchedule("pings", Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder().setWorkflowType(Ping.class)
                        .setOptions(WorkflowOptions.newBuilder().setWorkflowId("ping").setTaskQueue("pings").build())
                        .build())
                .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(every))).build())
                .build(), ScheduleOptions.getDefaultInstance());
    }

    private long pings() {
        return client.listExecutions(ExecutionFilter.newBuilder().setWorkflowType("Ping").build()).count();
    }

    @Test
    void aFactoryThatDoesNotRunSchedulesLeavesThemToAnotherOne() throws Exception {
        WorkerFactory withoutSchedules = startFactory(WorkerFactoryOptions.newBuilder().setRunSchedules(false).build());
        schedulePingsEvery(Duration.ofMillis(200));

        Thread.sleep(1_000);
        assertThat(pings()).as("runs started while only a factory without schedules ran").isZero();

        WorkerFactory withSchedules = startFactory(WorkerFactoryOptions.getDefaultInstance());
        await().atMost(Duration.ofSeconds(20)).until(() -> pings() > 0);
        withSchedules.shutdown();
        withoutSchedules.shutdown();
    }

    @Test
    void theUsersInterceptorsSeeTheScheduledRunsButNotTheSchedulesOwnWorkflow() {
        WorkerFactory factory = startFactory(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(typeRecorder)
                .build());
        schedulePingsEvery(Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(20)).until(() -> pings() >= 2);
        factory.shutdown();

        assertThat(interceptedTypes).containsExactly("Ping");
    }
}
