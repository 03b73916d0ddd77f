package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
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
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replayer and the replay gate take the worker interceptors a history was recorded with: an interceptor that
 * changes what a run records replays cleanly with them, and with differences without them.
 */
class InterceptorReplayTest {

    @ActivityInterface
    public interface Mailer {
        String mail(String address);
    }

    @WorkflowInterface
    public interface Notify {
        @WorkflowMethod
        String notify(String address);
    }

    public static class NotifyImpl implements Notify {
        private final Mailer mailer = Workflow.newActivityStub(Mailer.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String notify(String address) {
            return mailer.mail(address);
        }
    }

    /** Lower-cases every activity argument before it is recorded. */
    static final WorkerInterceptor LOWER_CASING = new WorkerInterceptor() {
        @Override
        public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
            return new WorkflowInboundCallsInterceptorBase(next) {
                @Override
                public void init(WorkflowOutboundCallsInterceptor outbound) {
                    super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                        @Override
                        public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
                            Object[] args = input.getArgs();
                            args[0] = ((String) args[0]).toLowerCase(Locale.ROOT);
                            return super.executeActivity(new ActivityInput<>(input.getActivityType(),
                                    input.getResultClass(), input.getResultType(), args, input.getOptions()));
                        }
                    });
                }
            };
        }
    };

    static final WorkerFactoryOptions RECORDING_OPTIONS = WorkerFactoryOptions.newBuilder()
            .setWorkerInterceptors(LOWER_CASING).build();

    private static History recorded;

    @BeforeAll
    static void record() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(RECORDING_OPTIONS).build())) {
            Worker worker = env.newWorker("mail");
            worker.registerWorkflowImplementationTypes(NotifyImpl.class);
            worker.registerActivitiesImplementations((Mailer) address -> "sent to " + address);
            env.start();
            Notify notify = env.getWorkflowClient().newWorkflowStub(Notify.class,
                    WorkflowOptions.newBuilder().setWorkflowId("notify").setTaskQueue("mail").build());
            assertThat(notify.notify("Ada@Example.org")).isEqualTo("sent to ada@example.org");
            recorded = env.getWorkflowClient().fetchHistory("notify");
        }
    }

    @Test
    void theReplayerReplaysWithTheInterceptorsOfTheRecordingFactory() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(recorded, RECORDING_OPTIONS, NotifyImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void theGateWithTheInterceptorsFindsTheHistoryCompatibleWithoutDifferences() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(NotifyImpl.class)
                .setWorkerInterceptors(LOWER_CASING).setStrict(true).addHistory(recorded).build().run();

        assertThat(report.getResults()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(ReplayResult.Status.COMPATIBLE);
            assertThat(result.getWarnings()).isEmpty();
        });
    }

    @Test
    void theGateWithoutTheInterceptorsReportsTheArgumentTheyChanged() {
        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(NotifyImpl.class)
                .addHistory(recorded).build().run();

        assertThat(report.getResults()).singleElement().satisfies(result ->
                assertThat(result.getWarnings()).anySatisfy(warning -> assertThat(warning)
                        .contains("ada@example.org").contains("Ada@Example.org")));
    }
}
