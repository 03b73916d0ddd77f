package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a test author sees when a workflow's own definitions are wrong and the workflow object cannot be created:
 * the waiting call fails at once, and the exception right under it is the one that says what to fix, not a
 * reflection wrapper around it.
 */
class DefinitionMistakesTest {

    private static final String QUEUE = "definition-mistakes";

    @ActivityInterface
    public interface Greetings {
        String greet(String name);

        String greet(String name, String greeting);
    }

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    public static class WithoutActivityTimeout implements Greeting {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class,
                ActivityOptions.newBuilder().setHeartbeatTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String greet(String name) {
            return greetings.greet(name);
        }
    }

    public static class WithOverloadedActivities implements Greeting {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String greet(String name) {
            return greetings.greet(name);
        }
    }

    private TestWorkflowEnvironment env;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(7).build());
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private Greeting start(Class<? extends Greeting> implementation) {
        env.newWorker(QUEUE).registerWorkflowImplementationTypes(implementation);
        env.start();
        return env.getWorkflowClient().newWorkflowStub(Greeting.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("greeting").build());
    }

    @Test
    void activityOptionsWithoutATimeoutFailTheCallWithTheOptionsMessageRightUnderIt() {
        Greeting greeting = start(WithoutActivityTimeout.class);

        assertThatThrownBy(() -> greeting.greet("ada"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasMessageContaining("ActivityOptions needs a startToCloseTimeout or a scheduleToCloseTimeout")
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ActivityOptions needs a startToCloseTimeout or a scheduleToCloseTimeout");
    }

    @Test
    // without the check, the workflow waits for an activity that no worker here runs, and the call with it
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stubOfOverloadedActivitiesFailsTheCallWithTheOverloadMessageRightUnderIt() {
        Greeting greeting = start(WithOverloadedActivities.class);

        assertThatThrownBy(() -> greeting.greet("ada"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Greetings.class.getName())
                .hasMessageContaining("activity type 'greet'");
    }
}
