package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Delayed callbacks may call the client as test code does, including calls that wait for the workflow. */
@Timeout(10)
class DelayedCallbackTest {

    @WorkflowInterface
    public interface Parcel {
        @WorkflowMethod
        String deliver();

        @SignalMethod
        void arrive(String where);

        @QueryMethod
        String whereIsIt();
    }

    public static class ParcelImpl implements Parcel {
        private String where = "depot";

        @Override
        public String deliver() {
            Workflow.sleep(Duration.ofHours(3));
            return "delivered from " + where;
        }

        @Override
        public void arrive(String place) {
            where = place;
        }

        @Override
        public String whereIsIt() {
            return where;
        }
    }

    private TestWorkflowEnvironment env;
    private Parcel parcel;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(3).build());
        env.newWorker("parcels").registerWorkflowImplementationTypes(ParcelImpl.class);
        env.start();
        parcel = env.getWorkflowClient().newWorkflowStub(Parcel.class,
                WorkflowOptions.newBuilder().setTaskQueue("parcels").setWorkflowId("parcel-1").build());
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aCallbackMayQueryTheWorkflowItWaitsFor() {
        CompletableFuture<String> seen = new CompletableFuture<>();
        WorkflowClient.start(parcel::deliver);
        env.registerDelayedCallback(Duration.ofHours(1), () -> parcel.arrive("hub"));
        env.registerDelayedCallback(Duration.ofHours(2), () -> seen.complete(parcel.whereIsIt()));

        String result = env.getWorkflowClient().newUntypedWorkflowStub("parcel-1").getResult(String.class);

        // a callback that waits lets the environment go on without it: read what it saw once it is done
        assertThat(seen).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("hub");
        assertThat(result).isEqualTo("delivered from hub");
    }

    @Test
    void aCallbackMayWaitForTheResultOfAWorkflow() {
        CompletableFuture<String> delivered = new CompletableFuture<>();
        Parcel other = env.getWorkflowClient().newWorkflowStub(Parcel.class,
                WorkflowOptions.newBuilder().setTaskQueue("parcels").setWorkflowId("parcel-2").build());
        env.registerDelayedCallback(Duration.ofHours(1), () -> delivered.complete(other.deliver()));

        env.sleep(Duration.ofHours(5));

        // the callback's thread hears of the result asynchronously, possibly after the test's sleep returned
        assertThat(delivered).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("delivered from depot");
    }

    @Test
    void sleepingInACallbackIsRefusedWithAnExplanation() {
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        env.registerDelayedCallback(Duration.ofHours(1), () -> {
            try {
                env.sleep(Duration.ofHours(1));
            } catch (IllegalStateException e) {
                refused.add(e);
            }
        });

        env.sleep(Duration.ofHours(2));

        assertThat(refused).singleElement().satisfies(e -> assertThat(e)
                .hasMessageContaining("environment's own thread")
                .hasMessageContaining("register another delayed callback"));
    }
}
