package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client rejects, when it is called, an argument that a history could not hold or that cannot be
 * converted at all, with an error that names the argument; nothing is recorded.
 */
class RecordableArgumentsTest {

    @WorkflowInterface
    public interface Inbox {
        @WorkflowMethod
        String receive(String label, Object value);

        @SignalMethod
        void put(Object value);
    }

    public static class InboxImpl implements Inbox {
        private Object put;

        @Override
        public String receive(String label, Object value) {
            Workflow.await(() -> put != null);
            return label;
        }

        @Override
        public void put(Object value) {
            this.put = value;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder().registerWorkflowImplementationTypes(InboxImpl.class).build();

    @Test
    void aStringLongerThanAHistoryCanHoldIsRejectedAtStartNamingTheArgument() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-1");
        String huge = "x".repeat(25_000_000);

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", huge))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot start workflow Inbox (workflowId=inbox-1): argument 2 cannot be"
                        + " recorded: at $ a string of 25,000,000 characters")
                .hasMessageContaining("at most 20,000,000");
    }

    @Test
    void aValueNestedDeeperThanAPayloadMayNestIsRejectedAtStart() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-2");

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", nested(996)))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("argument 2 cannot be recorded")
                .hasMessageContaining("nests deeper than 500 levels");
    }

    @Test
    void aValueThatContainsItselfIsRejectedInsteadOfOverflowingTheStack() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-3");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", cycle))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("argument 2 cannot be recorded")
                .hasMessageContaining("contains itself");
    }

    @Test
    void aValueNested5000DeepIsRejectedInsteadOfOverflowingTheStack() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-4");

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", nested(5_000)))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("nests deeper than 500 levels");
    }

    @Test
    void nothingIsStartedWhenAnArgumentIsRejected() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-5");

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", nested(996)))
                .isInstanceOf(DataConverterException.class);
        assertThatThrownBy(() -> env.history("inbox-5")).isInstanceOf(WorkflowNotFoundException.class);
    }

    @Test
    void aSignalArgumentThatCannotBeRecordedIsRejectedWhenSignalling() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-6");
        WorkflowClient.start(inbox::receive, "label", "small");

        assertThatThrownBy(() -> inbox.put(nested(996)))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot signal put to workflow inbox-6: argument 1 cannot be recorded");
        inbox.put("small");
        assertThat(env.client().newUntypedWorkflowStub("inbox-6").getResult(String.class)).isEqualTo("label");
    }

    @Test
    void aLambdaIsRejectedAtStartInsteadOfBeingRecordedAsAnEmptyObject() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-7");
        Runnable callback = () -> { };

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", callback))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot start workflow Inbox (workflowId=inbox-7): argument 2 cannot be"
                        + " recorded: at $ a lambda or method reference")
                .hasMessageContaining("holds code, not data");
    }

    @Test
    void aPlainObjectIsRejectedAtStart() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-8");

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", new Object()))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("argument 2 cannot be recorded: at $ a plain java.lang.Object holds no data");
    }

    @Test
    void aThreadInsideAValueIsRejectedAtStartNamingWhereItIs() {
        Inbox inbox = env.newWorkflowStub(Inbox.class, "inbox-9");
        record Job(String name, Thread worker) {
        }

        assertThatThrownBy(() -> WorkflowClient.start(inbox::receive, "label", new Job("j", Thread.currentThread())))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("argument 2 cannot be recorded: at $.worker a java.lang.Thread is a live object"
                        + " of this JVM");
    }

    /** Lists nested {@code depth} deep: {@code [[[...]]]}. */
    static List<Object> nested(int depth) {
        List<Object> outer = new ArrayList<>();
        List<Object> current = outer;
        for (int level = 1; level < depth; level++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        return outer;
    }
}
