package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.replay.ReplayResult.Status;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate hands the code the recorded results: it never runs activities, child workflows or side effects. */
class ReplayGateReplaysOnlyTest {

    static final AtomicInteger packed = new AtomicInteger();
    static final AtomicInteger labelled = new AtomicInteger();
    static final AtomicInteger weighed = new AtomicInteger();

    @ActivityInterface
    public interface Packing {
        String pack(String parcel);
    }

    @WorkflowInterface
    public interface Parcel {
        @WorkflowMethod
        String ship(String parcel);
    }

    @WorkflowInterface
    public interface Label {
        @WorkflowMethod
        String print(String parcel);
    }

    public static class ParcelImpl implements Parcel {
        private final Packing packing = Workflow.newActivityStub(Packing.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String ship(String parcel) {
            String box = packing.pack(parcel);
            Integer grams = Workflow.sideEffect(Integer.class, () -> 100 * weighed.incrementAndGet());
            String label = Workflow.newChildWorkflowStub(Label.class).print(parcel);
            return box + " " + grams + "g " + label;
        }
    }

    public static class LabelImpl implements Label {
        @Override
        public String print(String parcel) {
            labelled.incrementAndGet();
            return "label of " + parcel;
        }
    }

    static class CountingPacking implements Packing {
        @Override
        public String pack(String parcel) {
            packed.incrementAndGet();
            return "box of " + parcel;
        }
    }

    private static History record() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("parcels");
            worker.registerWorkflowImplementationTypes(ParcelImpl.class, LabelImpl.class);
            worker.registerActivitiesImplementations(new CountingPacking());
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            client.newWorkflowStub(Parcel.class, WorkflowOptions.newBuilder().setTaskQueue("parcels")
                    .setWorkflowId("parcel-1").build()).ship("books");
            return client.fetchHistory("parcel-1");
        }
    }

    @Test
    void replayingRunsNoActivityNoChildWorkflowAndNoSideEffectFunction() {
        History history = record();
        assertThat(List.of(packed.get(), labelled.get(), weighed.get())).as("recording ran each")
                .allSatisfy(count -> assertThat(count).isPositive());
        packed.set(0);
        labelled.set(0);
        weighed.set(0);

        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(ParcelImpl.class,
                LabelImpl.class).addHistory(history).build().run();

        assertThat(report.getResults()).extracting(ReplayResult::getStatus).containsExactly(Status.COMPATIBLE);
        assertThat(packed).hasValue(0);
        assertThat(labelled).hasValue(0);
        assertThat(weighed).hasValue(0);
    }
}
