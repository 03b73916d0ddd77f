package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.Values;
import dev.hourglass.workflow.DynamicWorkflow;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInit;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A @WorkflowInit constructor receives the workflow's arguments before any of the run's code runs. */
class WorkflowInitTest {

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String fulfil(String orderId, int items);

        @SignalMethod
        void pick(String item);

        @QueryMethod
        int remaining();
    }

    public static class OrderImpl implements Order {
        private final String orderId;
        private final List<String> picked = new ArrayList<>();
        private int remaining;

        @WorkflowInit
        public OrderImpl(String orderId, int items) {
            this.orderId = orderId;
            this.remaining = items;
        }

        @Override
        public String fulfil(String orderId, int items) {
            Workflow.await(() -> remaining == 0);
            return this.orderId + " picked " + picked;
        }

        @Override
        public void pick(String item) {
            // relies on the state the constructor set up from the arguments, even for a signal sent with the start
            picked.add(item + " of " + orderId);
            remaining--;
        }

        @Override
        public int remaining() {
            return remaining;
        }
    }

    /** A dynamic workflow's @WorkflowInit constructor takes the undecoded arguments. */
    public static class Echo implements DynamicWorkflow {
        private final String first;

        @WorkflowInit
        public Echo(Values args) {
            this.first = args.get(0, String.class);
        }

        @Override
        public Object execute(Values args) {
            return "init saw " + first;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(OrderImpl.class, Echo.class)
            .build();

    @Test
    void constructorReceivesTheArgumentsTheRunWasStartedWith() {
        Order order = env.newWorkflowStub(Order.class, "order-1");
        WorkflowClient.start(order::fulfil, "order-1", 2);
        E2eEnvironment.await("the order waits for its items", () -> order.remaining() == 2);

        order.pick("pen");
        order.pick("ink");

        assertThat(WorkflowStub.fromTyped(order).getResult(String.class))
                .isEqualTo("order-1 picked [pen of order-1, ink of order-1]");
    }

    @Test
    void signalSentWithTheStartSeesTheStateTheConstructorSetUp() {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Order", env.options("order-2").build());

        stub.signalWithStart("pick", new Object[] {"cap"}, new Object[] {"order-2", 1});

        assertThat(stub.getResult(String.class)).isEqualTo("order-2 picked [cap of order-2]");
    }

    @Test
    void dynamicWorkflowConstructorReceivesTheArgumentsAsValues() {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Anything", env.options("echo-1").build());

        stub.start("hello", 7);

        assertThat(stub.getResult(String.class)).isEqualTo("init saw hello");
    }
}
