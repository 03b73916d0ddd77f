package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.Values;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A DynamicWorkflow runs every workflow type no other registered implementation runs. */
class DynamicWorkflowTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    public static class GreetingImpl implements Greeting {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    /** Answers with the type it runs as and its arguments, read with the types the caller sent. */
    public static class Router implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            Workflow.sleep(Duration.ofMillis(10));
            return Workflow.getInfo().getWorkflowType() + " of " + args.get(0, String.class) + " x"
                    + args.get(1, Integer.class) + " (" + args.getSize() + " arguments)";
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(GreetingImpl.class, Router.class)
            .build();

    private WorkflowStub untyped(String workflowType, String workflowId) {
        return env.client().newUntypedWorkflowStub(workflowType, env.options(workflowId).build());
    }

    @Test
    void runsAWorkflowTypeWithNoImplementationOfItsOwn() {
        WorkflowStub stub = untyped("Invoice", "invoice-1");
        stub.start("acme", 3);

        assertThat(stub.getResult(String.class)).isEqualTo("Invoice of acme x3 (2 arguments)");
    }

    @Test
    void runsEachUnknownTypeAsTheTypeItWasStartedAs() {
        WorkflowStub refund = untyped("Refund", "refund-1");
        refund.start("bob", 1);
        WorkflowStub audit = untyped("Audit", "audit-1");
        audit.start("carol", 2);

        assertThat(List.of(refund.getResult(String.class), audit.getResult(String.class)))
                .containsExactly("Refund of bob x1 (2 arguments)", "Audit of carol x2 (2 arguments)");
        assertThat(Events.single(env.history("audit-1"), WorkflowExecutionStartedAttributes.class).workflowType())
                .isEqualTo("Audit");
    }

    @Test
    void leavesATypeWithItsOwnImplementationToThatImplementation() {
        Greeting greeting = env.newWorkflowStub(Greeting.class, "greeting-1");

        assertThat(greeting.greet("dave")).isEqualTo("hello dave");
    }
}
