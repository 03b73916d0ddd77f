package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An expense waits for a manager's approval, given through an update that a validator guards. */
class UpdateSampleTest {

    // guide: update-interface begin
    @WorkflowInterface
    public interface Expense {
        @WorkflowMethod
        String settle(String claim);

        /** Approves the claim; returns what the workflow will do, once it has recorded the decision. */
        @UpdateMethod
        String approve(String manager);
    }

    public static class ExpenseImpl implements Expense {
        private static final Set<String> MANAGERS = Set.of("dana", "lee");
        private String approvedBy;

        @Override
        public String settle(String claim) {
            boolean approved = Workflow.await(Duration.ofDays(7), () -> approvedBy != null);
            return approved ? claim + " paid, approved by " + approvedBy : claim + " expired unapproved";
        }

        @Override
        public String approve(String manager) {
            approvedBy = manager;
            return "approved by " + manager + " at " + Workflow.currentTimeMillis();
        }

        // runs before the update is accepted: throwing rejects it, and nothing is recorded
        @UpdateValidatorMethod(updateName = "approve")
        public void checkApprover(String manager) {
            if (!MANAGERS.contains(manager)) {
                throw new IllegalArgumentException(manager + " may not approve expenses");
            }
            if (approvedBy != null) {
                throw new IllegalStateException("already approved by " + approvedBy);
            }
        }
    }
    // guide: update-interface end

    private TestWorkflowEnvironment env;
    private WorkflowClient client;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        env.newWorker("expenses").registerWorkflowImplementationTypes(ExpenseImpl.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aManagerApprovesThroughATypedUpdateAndAStrangerIsRejected() {
        // guide: update-call begin
        Expense expense = client.newWorkflowStub(Expense.class, WorkflowOptions.newBuilder()
                .setWorkflowId("expense-118").setTaskQueue("expenses").build());
        WorkflowClient.start(expense::settle, "taxi 42 EUR");

        assertThatThrownBy(() -> expense.approve("mallory"))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("mallory may not approve expenses");

        String answer = expense.approve("dana"); // waits for the handler's result
        assertThat(answer).startsWith("approved by dana");
        assertThat(WorkflowStub.fromTyped(expense).getResult(String.class))
                .isEqualTo("taxi 42 EUR paid, approved by dana");
        // guide: update-call end
    }

    @Test
    void anUntypedStubSendsTheUpdateWithItsOwnIdAndWaitsThroughTheHandle() {
        WorkflowClient.start(client.newWorkflowStub(Expense.class, WorkflowOptions.newBuilder()
                .setWorkflowId("expense-119").setTaskQueue("expenses").build())::settle, "hotel 180 EUR");
        // guide: update-untyped begin
        WorkflowStub stub = client.newUntypedWorkflowStub("expense-119");
        WorkflowUpdateHandle<String> handle = stub.startUpdate("approve", UpdateOptions.newBuilder()
                .setUpdateId("approval-of-expense-119") // sent again with this id, it is not applied twice
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build(), String.class, "lee");

        assertThat(handle.getId()).isEqualTo("approval-of-expense-119");
        assertThat(handle.getResult()).startsWith("approved by lee");
        // guide: update-untyped end
        assertThat(stub.getResult(String.class)).isEqualTo("hotel 180 EUR paid, approved by lee");
    }

    @Test
    void updateWithStartStartsTheExpenseAndApprovesItInOneCall() {
        // guide: update-with-start begin
        WorkflowStub stub = client.newUntypedWorkflowStub("Expense", WorkflowOptions.newBuilder()
                .setWorkflowId("expense-120").setTaskQueue("expenses").build());

        String answer = stub.executeUpdateWithStart("approve", String.class,
                new Object[] {"dana"}, new Object[] {"train 64 EUR"});

        assertThat(answer).startsWith("approved by dana");
        assertThat(stub.getResult(String.class)).isEqualTo("train 64 EUR paid, approved by dana");
        // guide: update-with-start end
    }
}
