package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowNotFoundException;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignalAndQueryTest {

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod
        String requestApproval(String item);

        @SignalMethod
        void approve(String approver);

        @SignalMethod
        void comment(String text);

        @QueryMethod
        String status();

        @QueryMethod
        List<String> comments();

        @QueryMethod(name = "hasComment")
        boolean containsComment(String text);
    }

    public static class ApprovalImpl implements Approval {
        private final List<String> comments = new ArrayList<>();
        private String approver;
        private String status = "created";

        @Override
        public String requestApproval(String item) {
            status = "waiting for approval of " + item;
            Workflow.await(() -> approver != null);
            status = item + " approved by " + approver;
            return status + " after comments " + comments;
        }

        @Override
        public void approve(String approver) {
            this.approver = approver;
        }

        @Override
        public void comment(String text) {
            comments.add(text);
        }

        @Override
        public String status() {
            return status;
        }

        @Override
        public List<String> comments() {
            return comments;
        }

        @Override
        public boolean containsComment(String text) {
            return comments.contains(text);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ApprovalImpl.class)
            .build();

    /** Starts an approval of "laptop" and waits until the workflow waits for the signal. */
    private Approval startApproval(String workflowId) {
        Approval approval = env.newWorkflowStub(Approval.class, workflowId);
        WorkflowClient.start(approval::requestApproval, "laptop");
        E2eEnvironment.await("the workflow waits for approval",
                () -> approval.status().equals("waiting for approval of laptop"));
        return approval;
    }

    private static String result(String workflowId, E2eEnvironment env) {
        return env.client().newUntypedWorkflowStub(workflowId).getResult(String.class);
    }

    @Test
    void signalThroughTheTypedStubUnblocksTheWaitingWorkflow() {
        Approval approval = startApproval("approval-1");

        approval.approve("bob");

        assertThat(result("approval-1", env)).isEqualTo("laptop approved by bob after comments []");
        History history = env.history("approval-1");
        WorkflowExecutionSignaledAttributes signaled =
                Events.single(history, WorkflowExecutionSignaledAttributes.class);
        assertThat(signaled.signalName()).isEqualTo("approve");
        assertThat(JsonPayload.node(signaled.input()).get(0).asText()).isEqualTo("bob");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, WorkflowExecutionSignaled,
                WorkflowExecutionCompleted);
    }

    @Test
    void signalThroughAnUntypedStubUnblocksTheWaitingWorkflow() {
        startApproval("approval-2");

        env.client().newUntypedWorkflowStub("approval-2").signal("approve", "carol");

        assertThat(result("approval-2", env)).isEqualTo("laptop approved by carol after comments []");
    }

    @Test
    void signalThroughATypedStubBoundToTheWorkflowIdUnblocksTheWaitingWorkflow() {
        startApproval("approval-3");

        env.client().newWorkflowStub(Approval.class, "approval-3").approve("dave");

        assertThat(result("approval-3", env)).isEqualTo("laptop approved by dave after comments []");
    }

    @Test
    void signalsAreHandledInTheOrderTheyWereSent() {
        Approval approval = startApproval("approval-4");

        approval.comment("first");
        approval.comment("second");
        approval.comment("third");
        approval.approve("erin");

        assertThat(result("approval-4", env))
                .isEqualTo("laptop approved by erin after comments [first, second, third]");
        assertThat(Events.ofType(env.history("approval-4"), WorkflowExecutionSignaledAttributes.class))
                .extracting(signal -> signal.signalName() + ":" + JsonPayload.node(signal.input()).get(0).asText())
                .containsExactly("comment:first", "comment:second", "comment:third", "approve:erin");
    }

    @Test
    void signalSentBeforeTheFirstWorkflowTaskIsNotLost() {
        Approval approval = env.newWorkflowStub(Approval.class, "approval-5");
        WorkflowClient.start(approval::requestApproval, "phone");
        approval.approve("frank");

        assertThat(result("approval-5", env)).isEqualTo("phone approved by frank after comments []");
    }

    @Test
    void queryReturnsTheCurrentStateWhileTheWorkflowRuns() {
        Approval approval = startApproval("approval-6");

        approval.comment("looks fine");

        E2eEnvironment.await("the comment is visible to queries",
                () -> approval.comments().equals(List.of("looks fine")));
        assertThat(approval.status()).isEqualTo("waiting for approval of laptop");
        assertThat(approval.containsComment("looks fine")).isTrue();
        assertThat(approval.containsComment("looks bad")).isFalse();
        assertThat(env.history("approval-6").isClosed()).isFalse();
        approval.approve("gina");
        assertThat(result("approval-6", env)).isEqualTo("laptop approved by gina after comments [looks fine]");
    }

    @Test
    void queryReturnsTheFinalStateAfterCompletion() {
        Approval approval = startApproval("approval-7");
        approval.comment("ok");
        approval.approve("hank");
        result("approval-7", env);

        assertThat(approval.status()).isEqualTo("laptop approved by hank");
        assertThat(approval.comments()).containsExactly("ok");
        WorkflowStub untyped = env.client().newUntypedWorkflowStub("approval-7");
        assertThat(untyped.query("status", String.class)).isEqualTo("laptop approved by hank");
        assertThat(untyped.query("hasComment", Boolean.class, "ok")).isTrue();
    }

    @Test
    void queryOfAnUnknownNameFailsNamingTheKnownQueries() {
        startApproval("approval-8");
        WorkflowStub untyped = env.client().newUntypedWorkflowStub("approval-8");

        WorkflowQueryException e = catchThrowableOfType(WorkflowQueryException.class,
                () -> untyped.query("balance", String.class));

        assertThat(e).hasMessageContaining("Approval").hasMessageContaining("no query 'balance'")
                .hasMessageContaining("status").hasMessageContaining("comments").hasMessageContaining("hasComment");
        assertThat(e.getQueryType()).isEqualTo("balance");
        assertThat(e.getExecution()).isEqualTo(untyped.getExecution());
        untyped.signal("approve", "ivy");
        assertThat(untyped.getResult(String.class)).isEqualTo("laptop approved by ivy after comments []");
    }

    @Test
    void queriesAddNoEventsToTheHistory() {
        Approval approval = startApproval("approval-9");
        History before = env.history("approval-9");

        approval.status();
        approval.comments();
        env.client().newUntypedWorkflowStub("approval-9").query("hasComment", Boolean.class, "x");

        assertThat(env.history("approval-9")).isEqualTo(before);
        approval.approve("jack");
        result("approval-9", env);
        History closed = env.history("approval-9");
        approval.status();
        assertThat(env.history("approval-9")).isEqualTo(closed);
    }

    @Test
    void signalWithoutHandlerIsRecordedAndIgnored() {
        startApproval("approval-10");
        WorkflowStub untyped = env.client().newUntypedWorkflowStub("approval-10");

        untyped.signal("reject", "nobody");
        untyped.signal("approve", "kate");

        assertThat(untyped.getResult(String.class)).isEqualTo("laptop approved by kate after comments []");
        assertThat(Events.ofType(env.history("approval-10"), WorkflowExecutionSignaledAttributes.class))
                .extracting(WorkflowExecutionSignaledAttributes::signalName).containsExactly("reject", "approve");
    }

    @Test
    void signalToACompletedWorkflowFailsWithWorkflowNotFound() {
        Approval approval = startApproval("approval-11");
        approval.approve("liam");
        History closed = env.awaitHistory("approval-11", "the workflow completed", History::isClosed);

        WorkflowNotFoundException e = catchThrowableOfType(WorkflowNotFoundException.class,
                () -> approval.approve("mia"));

        assertThat(e).hasMessageContaining("approval-11");
        assertThat(env.history("approval-11")).isEqualTo(closed);
    }
}
