package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowImplementationFactoryTest {

    private static final String QUEUE = "factories";

    @WorkflowInterface
    public interface Packing {
        @WorkflowMethod
        String pack(String item);
    }

    @WorkflowInterface
    public interface Order {
        @WorkflowMethod
        String order(String item);
    }

    public static class OrderImpl implements Order {
        @Override
        public String order(String item) {
            return "shipped " + Workflow.newChildWorkflowStub(Packing.class).pack(item);
        }
    }

    /** A packing implementation that needs a constructor argument. */
    public static class PackingWithLabel implements Packing {
        private final String label;

        PackingWithLabel(String label) {
            this.label = label;
        }

        @Override
        public String pack(String item) {
            return item + " in " + label;
        }
    }

    private final TestWorkflowEnvironment env =
            TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setSeed(7).build());

    @AfterEach
    void tearDown() {
        env.close();
    }

    private <T> T stub(Class<T> type, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(type,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    }

    @Test
    void aMockedChildWorkflowAnswersItsParentAsStubbed() {
        Packing packing = mock(Packing.class);
        when(packing.pack("book")).thenReturn("boxed book");
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(OrderImpl.class);
        worker.registerWorkflowImplementationFactory(Packing.class, () -> packing);
        env.start();

        String result = stub(Order.class, "order-1").order("book");

        assertThat(result).isEqualTo("shipped boxed book");
        verify(packing).pack("book");
    }

    @Test
    void theFactoryCreatesTheImplementationOfEachExecution() {
        AtomicInteger created = new AtomicInteger();
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationFactory(Packing.class,
                () -> new PackingWithLabel("box " + created.incrementAndGet()));
        env.start();

        String first = stub(Packing.class, "packing-1").pack("book");
        String second = stub(Packing.class, "packing-2").pack("lamp");

        assertThat(first).isEqualTo("book in box 1");
        assertThat(second).isEqualTo("lamp in box 2");
    }

    @Test
    void aFactoryReturningNullFailsTheWorkflowTaskNamingTheInterface() {
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationFactory(Packing.class, () -> null);
        env.start();

        assertThatThrownBy(() -> stub(Packing.class, "packing-null").pack("book"))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the workflow implementation factory of " + Packing.class.getName()
                        + " returned null: it must return a new object implementing Packing for each execution");
    }

    @Test
    void aWorkflowTypeRegisteredByClassCannotAlsoHaveAFactory() {
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(PackingWithLabelDefault.class);

        assertThatThrownBy(() -> worker.registerWorkflowImplementationFactory(Packing.class,
                () -> new PackingWithLabel("box")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflow type 'Packing' is already registered on task queue 'factories' by "
                        + PackingWithLabelDefault.class.getName());
    }

    @Test
    void aFactoryMustBeRegisteredForAWorkflowInterface() {
        Worker worker = env.newWorker(QUEUE);

        assertThatThrownBy(() -> worker.registerWorkflowImplementationFactory(PackingWithLabel.class,
                () -> new PackingWithLabel("box")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PackingWithLabel.class.getName() + " is not an interface");
    }

    public static class PackingWithLabelDefault extends PackingWithLabel {
        public PackingWithLabelDefault() {
            super("default box");
        }
    }
}
