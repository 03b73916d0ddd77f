package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.common.Values;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.workflow.DynamicUpdateHandler;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Update handlers registered while the workflow runs, with {@code Workflow.registerListener}: a dynamic handler that
 * takes every update of no other handler, and an object whose interface has update methods. And validators, which
 * run read-only.
 */
class UpdateHandlersAtRunTimeTest {

    @WorkflowInterface
    public interface Console {
        @WorkflowMethod
        List<String> run();

        @SignalMethod
        void close();
    }

    /** The update methods of an object handed to {@code registerListener}. */
    public interface Volume {
        @UpdateMethod
        int louder(int steps);
    }

    public static class ConsoleImpl implements Console {
        private final List<String> log = new ArrayList<>();
        private int volume;
        private boolean closed;

        @Override
        public List<String> run() {
            Workflow.registerListener((Volume) steps -> {
                volume += steps;
                return volume;
            });
            Workflow.registerListener(new DynamicUpdateHandler() {
                @Override
                public void validate(String updateName, Values args) {
                    if (updateName.startsWith("admin")) {
                        throw new IllegalArgumentException(updateName + " is not for this console");
                    }
                }

                @Override
                public Object handle(String updateName, Values args) {
                    log.add(updateName + "(" + args.get(0, String.class) + ")");
                    return log.size();
                }
            });
            Workflow.await(() -> closed);
            return log;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @WorkflowInterface
    public interface Sleepy {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void poke();
    }

    public static class SleepyImpl implements Sleepy {
        private boolean poked;

        @Override
        public void run() {
            Workflow.await(() -> poked);
        }

        @Override
        public void poke() {
            poked = true;
        }

        @UpdateValidatorMethod(updateName = "poke")
        public void validatePoke() {
            Workflow.sleep(Duration.ofSeconds(1));
        }
    }

    @WorkflowInterface
    public interface Doorbell {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void poke();
    }

    /** Two validators of one update: whichever order reflection lists them in, the update is refused. */
    public static class TwiceValidatedImpl implements Doorbell {
        private boolean poked;

        @Override
        public void run() {
            Workflow.await(() -> poked);
        }

        @Override
        public void poke() {
            poked = true;
        }

        @UpdateValidatorMethod(updateName = "poke")
        public void checkOnce() {
        }

        @UpdateValidatorMethod(updateName = "poke")
        public void checkTwice() {
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ConsoleImpl.class, SleepyImpl.class, TwiceValidatedImpl.class)
            .build();

    private WorkflowStub console(String workflowId) {
        Console console = env.newWorkflowStub(Console.class, workflowId);
        WorkflowClient.start(console::run);
        return WorkflowStub.fromTyped(console);
    }

    @Test
    void aDynamicHandlerTakesUpdatesThatNoOtherHandlerTakes() {
        WorkflowStub console = console("console-1");

        assertThat(console.update("mute", Integer.class, "all")).isEqualTo(1);
        assertThat(console.update("label", Integer.class, "kitchen")).isEqualTo(2);
        console.signal("close");

        assertThat(console.getResult(List.class)).containsExactly("mute(all)", "label(kitchen)");
    }

    @Test
    void aDynamicHandlersValidatorRejectsWithoutAnEvent() {
        WorkflowStub console = console("console-2");

        assertThatThrownBy(() -> console.update("adminReset", Integer.class, "now"))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("adminReset is not for this console");
        console.signal("close");
        console.getResult(List.class);
        assertThat(env.history("console-2").getEvents()).extracting(HistoryEvent::getEventType)
                .doesNotContain(EventType.WorkflowExecutionUpdateAccepted);
    }

    @Test
    void anObjectRegisteredAtRunTimeHandlesItsUpdateMethodsAheadOfTheDynamicHandler() {
        WorkflowStub console = console("console-3");

        assertThat(console.update("louder", Integer.class, 3)).isEqualTo(3);
        assertThat(console.update("louder", Integer.class, 2)).isEqualTo(5);
        console.signal("close");

        assertThat(console.getResult(List.class)).isEmpty();
    }

    @Test
    void aValidatorThatWaitsIsRejectedAsReadOnly() {
        Sleepy sleepy = env.newWorkflowStub(Sleepy.class, "sleepy-1");
        WorkflowClient.start(sleepy::run);

        assertThatThrownBy(sleepy::poke)
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("the validator of update 'poke'")
                .hasMessageContaining("may not record commands or wait");
        WorkflowStub.fromTyped(sleepy).terminate("done");
    }

    @Test
    void anUpdateWithTwoValidatorsIsRejectedNamingBoth() {
        Doorbell twice = env.newWorkflowStub(Doorbell.class, "twice-1");
        WorkflowClient.start(twice::run);

        assertThatThrownBy(twice::poke)
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("two @UpdateValidatorMethod methods for update 'poke', checkOnce and checkTwice");
        WorkflowStub.fromTyped(twice).terminate("done");
    }
}
