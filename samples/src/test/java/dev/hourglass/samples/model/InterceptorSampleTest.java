package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClientCallsInterceptor;
import dev.hourglass.client.WorkflowClientCallsInterceptorBase;
import dev.hourglass.client.WorkflowClientInterceptor;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowInboundCallsInterceptorBase;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptor;
import dev.hourglass.interceptors.WorkflowOutboundCallsInterceptorBase;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Interceptors: a worker interceptor that counts the activities workflows call, by activity type, and a client
 * interceptor that logs the workflows its client starts.
 */
class InterceptorSampleTest {

    @ActivityInterface
    public interface Shipping {
        String reserve(String item);

        String ship(String reservation);
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String fulfil(List<String> items);
    }

    public static class OrderImpl implements Order {
        private final Shipping shipping = Workflow.newActivityStub(Shipping.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String fulfil(List<String> items) {
            StringBuilder tracking = new StringBuilder();
            for (String item : items) {
                tracking.append(shipping.ship(shipping.reserve(item))).append(' ');
            }
            return tracking.toString().trim();
        }
    }

    // guide: interceptor-outbound begin
    /** Counts the activities workflows call, by activity type. */
    public static class ActivityCounter implements WorkerInterceptor {
        private final Map<String, Integer> calls = new ConcurrentHashMap<>();

        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                        @Override
                        public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                            if (!Workflow.isReplaying()) { // this is workflow code: it runs again on replay
                                calls.merge(input.getActivityType(), 1, Integer::sum);
                            }
                            return super.executeActivity(input);
                        }
                    });
                }
            };
        }

        public int calls(String activityType) {
            return calls.getOrDefault(activityType, 0);
        }
    }
    // guide: interceptor-outbound end

    // guide: interceptor-client begin
    /** Logs the workflows its client starts. */
    public static class StartLog implements WorkflowClientInterceptor {
        private final List<String> started = new CopyOnWriteArrayList<>();

        @Override
        public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
            return new WorkflowClientCallsInterceptorBase(next) {
                @Override
                public WorkflowStartOutput start(WorkflowStartInput input) {
                    WorkflowStartOutput output = super.start(input);
                    started.add(input.getWorkflowType() + " " + output.getWorkflowExecution().getWorkflowId());
                    return output;
                }
            };
        }

        public List<String> started() {
            return started;
        }
    }
    // guide: interceptor-client end

    @Test
    void theInterceptorsSeeTheActivityCallsAndTheStarts() {
        // guide: interceptor-registration begin
        ActivityCounter counter = new ActivityCounter();
        StartLog startLog = new StartLog();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(counter).build())
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setInterceptors(startLog).build())
                .build());
        Worker worker = env.newWorker("orders");
        worker.registerWorkflowImplementationTypes(OrderImpl.class);
        worker.registerActivitiesImplementations(new Shipping() {
            @Override
            public String reserve(String item) {
                return "reservation of " + item;
            }

            @Override
            public String ship(String reservation) {
                return "T" + reservation.length();
            }
        });
        env.start();

        env.getWorkflowClient().newWorkflowStub(Order.class, WorkflowOptions.newBuilder()
                .setTaskQueue("orders").setWorkflowId("order-7").build()).fulfil(List.of("lamp", "desk"));

        assertThat(counter.calls("reserve")).isEqualTo(2);
        assertThat(counter.calls("ship")).isEqualTo(2);
        assertThat(startLog.started()).containsExactly("Order order-7");
        // guide: interceptor-registration end
        env.close();
    }

    @Test
    void theCountStaysTheSameWhenTheRunIsReplayed() {
        ActivityCounter counter = new ActivityCounter();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0)
                        .setWorkerInterceptors(counter).build())
                .build());
        Worker worker = env.newWorker("orders");
        worker.registerWorkflowImplementationTypes(OrderImpl.class);
        worker.registerActivitiesImplementations(new Shipping() {
            @Override
            public String reserve(String item) {
                return item;
            }

            @Override
            public String ship(String reservation) {
                return reservation;
            }
        });
        env.start();

        env.getWorkflowClient().newWorkflowStub(Order.class, WorkflowOptions.newBuilder().setTaskQueue("orders")
                .build()).fulfil(List.of("lamp", "desk", "chair"));
        env.close();

        // without a cache every workflow task replays the run so far, and the environment replays it once more
        assertThat(counter.calls("reserve")).isEqualTo(3);
        assertThat(counter.calls("ship")).isEqualTo(3);
    }
}
