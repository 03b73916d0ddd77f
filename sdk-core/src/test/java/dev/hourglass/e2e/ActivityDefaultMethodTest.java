package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A default method of an activity interface is not an activity: workflow code runs its body. */
class ActivityDefaultMethodTest {

    @ActivityInterface
    public interface Greetings {
        String greet(String name, String greeting);

        /** A convenience overload: its calls of {@code greet(String, String)} go through the stub. */
        default String greet(String name) {
            return greet(name, "hello");
        }
    }

    public static class GreetingsImpl implements Greetings {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public String greet(String name, String greeting) {
            calls.add("greet " + name + " " + greeting);
            return greeting + ", " + name;
        }
    }

    @WorkflowInterface
    public interface Welcome {
        @WorkflowMethod
        String welcome(String name);
    }

    public static class WelcomeImpl implements Welcome {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String welcome(String name) {
            return greetings.greet(name);
        }
    }

    /** Not public: the stub must still be able to run the default method's body. */
    @ActivityInterface
    interface Farewells {
        String bid(String name, String farewell);

        default String bid(String name) {
            return bid(name, "goodbye");
        }
    }

    static class FarewellsImpl implements Farewells {
        @Override
        public String bid(String name, String farewell) {
            return farewell + ", " + name;
        }
    }

    @WorkflowInterface
    public interface Farewell {
        @WorkflowMethod
        String farewell(String name);
    }

    public static class FarewellImpl implements Farewell {
        private final Farewells farewells = Workflow.newActivityStub(Farewells.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String farewell(String name) {
            return farewells.bid(name);
        }
    }

    final GreetingsImpl greetings = new GreetingsImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(WelcomeImpl.class, FarewellImpl.class)
            .registerActivitiesImplementations(greetings, new FarewellsImpl())
            .build();

    @Test
    // a stub that schedules no activity would leave the call waiting forever
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void callingADefaultMethodOnAStubRunsItsBodyWhoseCallsScheduleTheActivities() {
        assertThat(env.newWorkflowStub(Welcome.class, "welcome-1").welcome("ada")).isEqualTo("hello, ada");

        ActivityTaskScheduledAttributes scheduled =
                Events.single(env.history("welcome-1"), ActivityTaskScheduledAttributes.class);
        assertThat(scheduled.activityType()).isEqualTo("greet");
        assertThat(scheduled.input().toJson()).isEqualTo("[\"ada\",\"hello\"]");
        assertThat(greetings.calls).containsExactly("greet ada hello");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDefaultMethodOfAnInterfaceThatIsNotPublicRunsToo() {
        assertThat(env.newWorkflowStub(Farewell.class, "farewell-1").farewell("ada")).isEqualTo("goodbye, ada");
    }
}
