package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Worker metrics in a Micrometer registry: here a simple one, in production the registry your service exports. */
class MetricsSampleTest {

    @ActivityInterface
    public interface Invoices {
        String send(String customer);
    }

    @WorkflowInterface
    public interface Billing {
        @WorkflowMethod
        String bill(String customer);
    }

    public static class BillingImpl implements Billing {
        private final Invoices invoices = Workflow.newActivityStub(Invoices.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String bill(String customer) {
            return invoices.send(customer);
        }
    }

    @Test
    void theWorkersRecordTheirTasksInTheRegistry() {
        // guide: metrics begin
        MeterRegistry registry = new SimpleMeterRegistry(); // or your Prometheus, Datadog… registry
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setMeterRegistry(registry).build())
                .build());
        Worker worker = env.newWorker("billing");
        worker.registerWorkflowImplementationTypes(BillingImpl.class);
        worker.registerActivitiesImplementations((Invoices) customer -> "invoice for " + customer);
        env.start();

        env.getWorkflowClient().newWorkflowStub(Billing.class,
                WorkflowOptions.newBuilder().setTaskQueue("billing").build()).bill("alice");

        assertThat(registry.get("hourglass.activity.attempts").tag("activity_type", "send").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("hourglass.activity.execution.latency").tag("activity_type", "send").timer().count())
                .isEqualTo(1);
        // guide: metrics end
        env.close();
    }
}
