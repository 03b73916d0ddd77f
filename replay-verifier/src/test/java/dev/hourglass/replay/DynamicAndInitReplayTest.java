package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.Values;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInit;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replayer and the replay gate take DynamicWorkflow classes and classes with a @WorkflowInit constructor. */
class DynamicAndInitReplayTest {

    private static final String TASK_QUEUE = "dynamic-replay";

    private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10)).build();

    public static class Router implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            return Workflow.newUntypedActivityStub(OPTIONS).execute("forward" + Workflow.getInfo().getWorkflowType(),
                    String.class, args.get(0, String.class));
        }
    }

    /** Calls another activity than the one {@link Router} recorded. */
    public static class ChangedRouter implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            return Workflow.newUntypedActivityStub(OPTIONS).execute("drop", String.class, args.get(0, String.class));
        }
    }

    public static class Forwarder implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            return "forwarded " + args.get(0, String.class);
        }
    }

    @WorkflowInterface
    public interface Countdown {
        @WorkflowMethod
        int count(int from);

        @SignalMethod
        void tick();
    }

    public static class CountdownImpl implements Countdown {
        private int left;

        @WorkflowInit
        public CountdownImpl(int from) {
            this.left = from;
        }

        @Override
        public int count(int from) {
            Workflow.await(() -> left == 0);
            return from;
        }

        @Override
        public void tick() {
            left--;
        }
    }

    private static History routed;
    private static History counted;

    @BeforeAll
    static void record() {
        try (WorkflowService service = WorkflowService.inMemory()) {
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerFactory factory = WorkerFactory.newInstance(client);
            Worker worker = factory.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(Router.class, CountdownImpl.class);
            worker.registerActivitiesImplementations(new Forwarder());
            factory.start();
            try {
                WorkflowStub invoice = client.newUntypedWorkflowStub("Invoice",
                        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId("invoice-1").build());
                invoice.start("inv-7");
                invoice.getResult(String.class);
                routed = client.fetchHistory("invoice-1");
                WorkflowStub countdown = client.newUntypedWorkflowStub("Countdown",
                        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId("countdown-1").build());
                countdown.signalWithStart("tick", new Object[0], new Object[] {2});
                countdown.signal("tick");
                countdown.getResult(Integer.class);
                counted = client.fetchHistory("countdown-1");
            } finally {
                factory.shutdown();
            }
        }
    }

    @Test
    void replayerReplaysAHistoryOfAnyTypeAgainstTheDynamicWorkflow() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(routed, CountdownImpl.class, Router.class))
                .doesNotThrowAnyException();
    }

    @Test
    void replayerReportsADynamicWorkflowThatChangedItsCommands() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(routed, ChangedRouter.class))
                .isInstanceOf(NonDeterministicException.class)
                .hasMessageContaining("forwardInvoice");
    }

    @Test
    void replayerCreatesTheObjectWithTheWorkflowInitConstructor() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(counted, CountdownImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void gateReplaysDynamicAndWorkflowInitHistoriesCompatible() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(Router.class,
                CountdownImpl.class).addHistory(routed).addHistory(counted).build().run();

        assertThat(report.isCompatible()).isTrue();
    }

    @Test
    void gateFindsTheDynamicWorkflowIncompatibleWhenItsCommandsChanged() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(ChangedRouter.class,
                CountdownImpl.class).addHistory(routed).build().run();

        assertThat(report.isCompatible()).isFalse();
    }
}
