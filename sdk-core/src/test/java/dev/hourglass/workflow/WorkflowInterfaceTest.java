package dev.hourglass.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Workflow interfaces that could not work as written are rejected where they are first used: when a worker
 * registers an implementation, and when a client or a parent workflow creates a stub.
 */
class WorkflowInterfaceTest {

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String await();

        @SignalMethod(name = "approve")
        void approveOnce(String approver);

        @SignalMethod
        void approve(List<String> approvers);
    }

    public static class ApprovalImpl implements Approval {
        @Override
        public String await() {
            return "";
        }

        @Override
        public void approveOnce(String approver) {
        }

        @Override
        public void approve(List<String> approvers) {
        }
    }

    @WorkflowInterface
    public interface Report {
        @WorkflowMethod
        void run();

        @QueryMethod
        String status();

        @QueryMethod
        String status(String section);
    }

    public static class ReportImpl implements Report {
        @Override
        public void run() {
        }

        @Override
        public String status() {
            return "";
        }

        @Override
        public String status(String section) {
            return "";
        }
    }

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        int count();

        @SignalMethod
        void progress(int step);

        @QueryMethod
        int progress();
    }

    public static class CounterImpl implements Counter {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public void progress(int step) {
        }

        @Override
        public int progress() {
            return 0;
        }
    }

    @WorkflowInterface
    public interface Undecided {
        @WorkflowMethod
        void run();

        @SignalMethod
        @QueryMethod
        String status();
    }

    @WorkflowInterface
    public interface Forgotten {
        @WorkflowMethod
        void run();

        void reset();
    }

    /** Not static: Jackson cannot create one without an instance of the test class. */
    public class Receipt {
        public String number;
    }

    @WorkflowInterface
    public interface Checkout {
        @WorkflowMethod
        Receipt checkout(String cart);
    }

    @WorkflowInterface
    public interface Cart {
        @WorkflowMethod
        void shop();

        @SignalMethod
        void add(Receipt receipt);
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkflowClient client = WorkflowClient.newInstance(service);
    private final Worker worker = WorkerFactory.newInstance(client).newWorker("workflow-interface-test");

    @AfterEach
    void closeService() {
        service.close();
    }

    private static WorkflowOptions options() {
        return WorkflowOptions.newBuilder().setTaskQueue("workflow-interface-test").build();
    }

    @Test
    void twoSignalMethodsWithOneNameAreRejectedAtRegistrationNamingBoth() {
        assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(ApprovalImpl.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Approval.class.getName())
                .hasMessageContaining("@SignalMethod")
                .hasMessageContaining("'approve'")
                .hasMessageContaining("approve(List)")
                .hasMessageContaining("approveOnce(String)")
                .hasMessageContaining("@SignalMethod(name = \"...\")");
    }

    @Test
    void twoSignalMethodsWithOneNameAreRejectedWhenAClientCreatesAStub() {
        assertThatThrownBy(() -> client.newWorkflowStub(Approval.class, options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'approve'");
    }

    @Test
    void overloadedQueryMethodsAreRejectedNamingBoth() {
        assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(ReportImpl.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Report.class.getName())
                .hasMessageContaining("@QueryMethod")
                .hasMessageContaining("'status'")
                .hasMessageContaining("status()")
                .hasMessageContaining("status(String)")
                .hasMessageContaining("@QueryMethod(name = \"...\")");
    }

    @Test
    void aSignalAndAQueryMayShareAName() {
        assertThatCode(() -> worker.registerWorkflowImplementationTypes(CounterImpl.class)).doesNotThrowAnyException();
    }

    @Test
    void aMethodWithTwoOfTheWorkflowAnnotationsIsRejected() {
        assertThatThrownBy(() -> client.newWorkflowStub(Undecided.class, options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Undecided.status()")
                .hasMessageContaining("@SignalMethod")
                .hasMessageContaining("@QueryMethod")
                .hasMessageContaining("keep one");
    }

    @Test
    void anUnannotatedMethodIsRejectedSayingItCouldNotBeCalled() {
        assertThatThrownBy(() -> client.newWorkflowStub(Forgotten.class, options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Forgotten.reset()")
                .hasMessageContaining("@WorkflowMethod, @SignalMethod, @QueryMethod or @UpdateMethod");
    }

    @Test
    void workflowMethodReturningANonStaticInnerClassIsRejected() {
        assertThatThrownBy(() -> client.newWorkflowStub(Checkout.class, options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Checkout.checkout(String)")
                .hasMessageContaining(Receipt.class.getName())
                .hasMessageContaining("non-static inner class");
    }

    @Test
    void signalMethodTakingANonStaticInnerClassIsRejected() {
        assertThatThrownBy(() -> client.newWorkflowStub(Cart.class, options()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cart.add(Receipt)")
                .hasMessageContaining("non-static inner class");
    }

    @Test
    void childStubWithoutOptionsIsRejectedNamingTheInterface() {
        assertThatThrownBy(() -> Workflow.newChildWorkflowStub(Counter.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Counter.class.getName())
                .hasMessageContaining("ChildWorkflowOptions.getDefaultInstance()");
    }
}
