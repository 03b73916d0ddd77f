package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.BatchRequest;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signal sent with the start of a run is handled before the workflow method runs, as Temporal's SDK does: the
 * workflow method sees what the handler did from its first line. A signal sent on its own is handled when the
 * workflow method first blocks.
 */
class SignalSentWithStartTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String greeting);

        @SignalMethod
        void setName(String name);
    }

    /** Reads the name before it ever blocks, then waits for two more signals at most. */
    public static class GreetingImpl implements Greeting {
        private final List<String> names = new ArrayList<>();

        @Override
        public String greet(String greeting) {
            String first = names.isEmpty() ? "nobody yet" : names.get(0);
            Workflow.await(() -> names.size() >= 2);
            return greeting + " " + first + "; all: " + names;
        }

        @Override
        public void setName(String name) {
            names.add(name);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(GreetingImpl.class)
            .build();

    private WorkflowStub untyped(String workflowId) {
        return env.client().newUntypedWorkflowStub("Greeting", env.options(workflowId).build());
    }

    @Test
    void theWorkflowMethodSeesWhatTheHandlerOfTheSignalSentWithTheStartDid() {
        WorkflowStub greeting = untyped("greeting-1");
        greeting.signalWithStart("setName", new Object[] {"ada"}, new Object[] {"hello"});

        greeting.signal("setName", "grace");

        assertThat(greeting.getResult(String.class)).isEqualTo("hello ada; all: [ada, grace]");
    }

    @Test
    void theTypedBatchFormRunsTheHandlerFirstToo() {
        Greeting greeting = env.newWorkflowStub(Greeting.class, "greeting-2");
        BatchRequest request = env.client().newSignalWithStartRequest();
        request.add(greeting::greet, "hi");
        request.add(greeting::setName, "ada");
        env.client().signalWithStart(request);

        greeting.setName("grace");

        assertThat(WorkflowStub.fromTyped(greeting).getResult(String.class)).isEqualTo("hi ada; all: [ada, grace]");
    }

    @Test
    void aSignalSentAfterTheStartIsHandledOnceTheWorkflowMethodBlocks() {
        Greeting greeting = env.newWorkflowStub(Greeting.class, "greeting-3");
        WorkflowClient.start(greeting::greet, "hello");

        greeting.setName("ada");
        greeting.setName("grace");

        assertThat(WorkflowStub.fromTyped(greeting).getResult(String.class))
                .isEqualTo("hello nobody yet; all: [ada, grace]");
    }

    @Test
    void theSignalSentWithTheStartIsMarkedSoAReplayRunsItFirstAsWell() {
        WorkflowStub greeting = untyped("greeting-4");
        greeting.signalWithStart("setName", new Object[] {"ada"}, new Object[] {"hello"});
        greeting.signal("setName", "grace");
        greeting.getResult(String.class);

        History history = env.history("greeting-4");

        List<Boolean> withStart = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.WorkflowExecutionSignaled)
                .map(event -> event.getAttributes(WorkflowExecutionSignaledAttributes.class).withStart())
                .collect(Collectors.toList());
        assertThat(withStart).containsExactly(true, false);
        assertThat(history.toJson()).containsOnlyOnce("\"withStart\"");
    }
}
