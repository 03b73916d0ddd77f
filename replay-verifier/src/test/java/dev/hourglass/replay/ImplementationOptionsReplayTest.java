package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.History;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Histories whose code takes its activity options from the registration ({@code WorkflowImplementationOptions})
 * replay with the same options, in {@link WorkflowReplayer} and in the {@link ReplayGate}.
 */
class ImplementationOptionsReplayTest {

    @ActivityInterface
    public interface Mailer {
        String send(String to);
    }

    @WorkflowInterface
    public interface Newsletter {
        @WorkflowMethod
        String mail(String to);
    }

    /** Its activity stub has no options of its own: they come from the registration. */
    public static class NewsletterImpl implements Newsletter {
        private final Mailer mailer = Workflow.newActivityStub(Mailer.class);

        @Override
        public String mail(String to) {
            return mailer.send(to);
        }
    }

    private static final WorkflowImplementationOptions OPTIONS = WorkflowImplementationOptions.newBuilder()
            .setDefaultActivityOptions(ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30)).build())
            .build();

    private static History history;

    @BeforeAll
    static void recordAHistoryWithTheOptions() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("mail");
            worker.registerWorkflowImplementationTypes(OPTIONS, NewsletterImpl.class);
            worker.registerActivitiesImplementations((Mailer) to -> "sent to " + to);
            env.start();
            env.getWorkflowClient().newWorkflowStub(Newsletter.class,
                    WorkflowOptions.newBuilder().setTaskQueue("mail").setWorkflowId("newsletter-1").build())
                    .mail("ada");
            history = env.getWorkflowClient().fetchHistory("newsletter-1");
        }
    }

    @Test
    void theReplayerReplaysWithTheOptionsTheWorkersHad() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, OPTIONS, NewsletterImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutTheOptionsTheReplaySaysTheActivityHasNoTimeout() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, NewsletterImpl.class))
                .hasMessageContaining("has no timeout");
    }

    @Test
    void theGateReplaysClassesRegisteredWithOptionsWithThem() {
        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(OPTIONS, NewsletterImpl.class)
                .addHistory(history)
                .build()
                .run();

        assertThat(report.getResults()).extracting(ReplayResult::getStatus)
                .containsExactly(ReplayResult.Status.COMPATIBLE);
    }

    @Test
    void theGateReplaysClassesRegisteredWithoutOptionsWithTheDefaults() {
        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(NewsletterImpl.class)
                .addHistory(history)
                .build()
                .run();

        assertThat(report.getResults()).extracting(ReplayResult::getStatus)
                .doesNotContain(ReplayResult.Status.COMPATIBLE);
    }
}
